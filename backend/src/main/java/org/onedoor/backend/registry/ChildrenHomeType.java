package org.onedoor.backend.registry;

/** Kinds of children's homes and institutions (policy section 4). */
enum ChildrenHomeType {
  CHILDRENS_HOME,
  CHILDREN_WORK_STATION,
  CHILD_WELFARE_INSTITUTION,
  RESCUE_PROTECTION_INSTITUTION,
  EXTREME_POVERTY_CARE_INSTITUTION,
  DISABILITY_SERVICE_INSTITUTION
}
