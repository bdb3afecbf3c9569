package org.onedoor.backend.safety;

/** What the safety chain tells other features (references and codes only, never the child's data). */
public sealed interface SafetyEvent {

  /**
   * A chain was opened for a report: the township and the village's supervisors are told.
   *
   * @param receiptCode the report's receipt code
   * @param townshipId the township
   * @param villageId the village, if known
   * @param immediateDanger whether the child was in danger right then
   */
  record ChainOpened(String receiptCode, String townshipId, String villageId, boolean immediateDanger)
      implements SafetyEvent {
  }

  /**
   * Departments were given a part in a chain: the justice bureau for legal aid, the court and the procuratorate
   * for an application to revoke the guardianship.
   *
   * @param receiptCode the report's receipt code
   * @param departments the departments now taking part
   * @param step the step that gave them their part
   */
  record DepartmentsJoined(String receiptCode, java.util.List<org.onedoor.backend.identity.Department> departments,
      SafetyStep step) implements SafetyEvent {
  }

  /**
   * A step of a chain passed its deadline (escalated once).
   *
   * @param receiptCode the report's receipt code
   * @param step the overdue step
   * @param lead the leading department
   * @param townshipId the township
   */
  record StepOverdue(String receiptCode, SafetyStep step, org.onedoor.backend.identity.Department lead,
      String townshipId) implements SafetyEvent {
  }

  /**
   * An assessment set a child's risk tier: the supervisor's visit schedule follows it.
   *
   * @param receiptCode the report's receipt code
   * @param supervisorId the supervisor in charge of the file, or null
   * @param villageId the child's village
   * @param riskTier the new risk tier
   * @param nextVisitDue the day the next visit is due (yyyy-MM-dd)
   */
  record VisitScheduleSet(String receiptCode, String supervisorId, String villageId, int riskTier,
      String nextVisitDue) implements SafetyEvent {
  }
}
