package org.onedoor.portal.api;

import java.util.List;

/** Records for the oversight dashboard (督导考核): the schema's OversightDashboard and its parts. */
public final class Oversight {

  private Oversight() {
  }

  /**
   * One month's indicators with their 12-month trends.
   *
   * @param month yyyy-MM
   * @param months the 12 months of the trends, oldest first
   * @param township the township the figures are limited to, or null for the city
   * @param departments per department
   * @param townships per township
   * @param coverage the coverage measures
   * @param help what social forces gave
   */
  public record Dashboard(String month, List<String> months, Township township, List<DepartmentFigures> departments,
      List<TownshipFigures> townships, List<Coverage> coverage, Help help) {

    public Dashboard {
      months = List.copyOf(months);
      departments = List.copyOf(departments);
      townships = List.copyOf(townships);
      coverage = List.copyOf(coverage);
    }
  }

  /** The schema's DepartmentIndicators. */
  public record DepartmentFigures(String department, int opened, int due, int onTime, Double onTimePercent,
      int closed, Double medianHoursToClose, int escalations, List<DepartmentMonth> trend) {
  }

  /** The schema's DepartmentMonth. */
  public record DepartmentMonth(String month, int opened, Double onTimePercent, Double medianHoursToClose,
      int escalations) {
  }

  /** The schema's TownshipIndicators. */
  public record TownshipFigures(Township township, int files, int visitsOnSchedule, int overdueVisits,
      Double onSchedulePercent, int homeVisits, int filesOpened, String screeningCampaign, Double screeningPercent,
      List<Integer> homeVisitsTrend) {
  }

  /** The schema's CoverageIndicator; trend values may be null (not recorded). */
  public record Coverage(String kind, String label, int concerned, Integer covered, Double percent,
      List<Double> trend) {
  }

  /** The schema's HelpIndicators. */
  public record Help(int offers, int approvedMatches, int needsMet, Double medianDaysToMatch,
      List<CategoryCount> byCategory, List<HelpMonth> trend) {
  }

  /** The schema's HelpMonth. */
  public record HelpMonth(String month, int offers, int approvedMatches, int needsMet, Double medianDaysToMatch) {
  }

  /** The schema's CategoryCount. */
  public record CategoryCount(String category, int count) {
  }
}
