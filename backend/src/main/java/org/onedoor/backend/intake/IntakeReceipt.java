package org.onedoor.backend.intake;

import java.util.List;
import org.onedoor.backend.identity.Department;

/**
 * What anyone holding a receipt code sees: where the intake stands and what comes next — never personal data.
 *
 * @param code the receipt code
 * @param kind what was submitted
 * @param status where it stands
 * @param emergency whether it is handled as an emergency
 * @param submittedOn the day it came in (yyyy-MM-dd)
 * @param nextStep what happens next, localised
 * @param departments each handling department and its task's status
 * @param outcome the outcome, once closed
 */
public record IntakeReceipt(String code, IntakeKind kind, IntakeStatus status, boolean emergency, String submittedOn,
    String nextStep, List<DepartmentStatus> departments, String outcome) {

  /**
   * One department's part.
   *
   * @param department the department
   * @param status its task's status
   */
  public record DepartmentStatus(Department department, TaskStatus status) {
  }
}
