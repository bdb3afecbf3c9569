package org.onedoor.portal.api;

/** A failed API call, classified for the user. Carries no backend detail. */
public class ApiException extends RuntimeException {

  private final ApiProblem problem;

  public ApiException(ApiProblem problem, Throwable cause) {
    super(problem.name(), cause);
    this.problem = problem;
  }

  public ApiProblem problem() {
    return problem;
  }
}
