package org.onedoor.backend.casefiles;

/** Assistance the child or the household receives (policy section 3). */
enum Benefit {
  /** Minimum living guarantee (低保). */
  MINIMUM_LIVING_GUARANTEE,
  /** Extreme-poverty support (特困供养). */
  EXTREME_POVERTY_SUPPORT,
  /** Orphan allowance (孤儿基本生活费). */
  ORPHAN_ALLOWANCE,
  /** Allowance for children with no one to support them in fact (事实无人抚养儿童). */
  UNSUPPORTED_CHILD_ALLOWANCE,
  /** Living allowance for disabled people in hardship (困难残疾人生活补贴). */
  DISABILITY_LIVING_ALLOWANCE,
  /** Nursing allowance for the severely disabled (重度残疾人护理补贴). */
  DISABILITY_NURSING_ALLOWANCE,
  /** Medical assistance (医疗救助). */
  MEDICAL_ASSISTANCE,
  /** Education assistance (教育资助). */
  EDUCATION_ASSISTANCE,
  /** Rehabilitation assistance for disabled children (残疾儿童康复救助). */
  REHABILITATION_ASSISTANCE,
  /** Basic medical insurance for urban and rural residents (城乡居民基本医疗保险). */
  BASIC_MEDICAL_INSURANCE,
  /** Temporary assistance (临时救助). */
  TEMPORARY_ASSISTANCE,
  /** Anything else. */
  OTHER
}
