package org.onedoor.portal.onedoor;

import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.IntakeApi;
import org.onedoor.portal.api.MatchingApi;
import org.springframework.stereotype.Component;

/**
 * The one door: reports, applications, offers and sign-ups, and tracking by receipt code. Calls and error translation
 * go through {@link GraphQlGateway}.
 */
@Component
public record IntakeClient(GraphQlGateway gateway) {

  /** Anyone: submits a mandatory report; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitReport(IntakeApi.Report report) {
    // The record's components are the input's fields: it goes as it is.
    return gateway.call(graphQl -> graphQl.documentName("submitMandatoryReport").variable("input", report)
        .retrieveSync("submitMandatoryReport").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: applies for assistance for a child; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitApplication(IntakeApi.Application application) {
    // The record's components are the input's fields: it goes as it is.
    return gateway.call(graphQl -> graphQl.documentName("submitAssistanceApplication").variable("input", application)
        .retrieveSync("submitAssistanceApplication").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: offers help through the one door; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitOffer(MatchingApi.OfferForm offer) {
    // The record's components are the input's fields: it goes as it is.
    return gateway.call(graphQl -> graphQl.documentName("submitOffer").variable("input", offer)
        .retrieveSync("submitOffer").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone: signs up; the receipt, or the refusals (localised, by field). */
  public IntakeApi.Submitted submitSignUp(IntakeApi.SignUp signUp) {
    Map<String, Object> input = new java.util.HashMap<>();
    input.put("idempotencyKey", signUp.idempotencyKey());
    input.put("kind", signUp.kind());
    input.put("username", signUp.username());
    input.put("password", signUp.password());
    input.put("displayName", signUp.displayName());
    input.put("phone", signUp.phone());
    input.put("townshipId", signUp.townshipId());
    input.put("skills", signUp.skills());
    input.put("availability", signUp.availability());
    input.put("offers", signUp.offers());
    input.put("householdMembers", signUp.householdMembers());
    input.put("capacity", signUp.capacity());
    input.put("organisationName", signUp.organisationName());
    input.put("organisationType", signUp.organisationType());
    input.put("registrationNumber", signUp.registrationNumber());
    input.put("nationalId", signUp.nationalId());
    if (signUp.family() != null) {
      input.put("home", signUp.family().home());
      input.put("monthlyIncomeYuan", signUp.family().monthlyIncomeYuan());
      input.put("experience", signUp.family().experience());
      input.put("childAgeMin", signUp.family().childAgeMin());
      input.put("childAgeMax", signUp.family().childAgeMax());
      input.put("childSex", signUp.family().childSex());
    }
    return gateway.call(graphQl -> graphQl.documentName("submitSignUp").variable("input", input)
        .retrieveSync("submitSignUp").toEntity(IntakeApi.Submitted.class));
  }

  /** Anyone holding a receipt code: where it stands; null for an unknown code. */
  public IntakeApi.Receipt intakeStatus(String code) {
    return gateway.call(graphQl -> {
      var response = gateway.valid(graphQl.documentName("intakeStatus").variable("code", code).executeSync());
      return response.field("intakeStatus").getValue() == null ? null
          : response.field("intakeStatus").toEntity(IntakeApi.Receipt.class);
    });
  }
}
