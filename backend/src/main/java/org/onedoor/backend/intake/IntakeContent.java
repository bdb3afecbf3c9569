package org.onedoor.backend.intake;

import java.time.LocalDate;
import java.util.List;
import org.onedoor.backend.casefiles.Cause;
import org.onedoor.backend.casefiles.Sex;
import org.onedoor.backend.needs.NeedCategory;
import org.onedoor.backend.platform.crypto.PersonalData;
import org.springframework.data.mongodb.core.mapping.ExplicitEncrypted;

/**
 * What an intake says. Personal data: staff of the routed departments only, never in a receipt lookup or a log.
 */
public sealed interface IntakeContent permits IntakeContent.AssistanceApplication, IntakeContent.MandatoryReport,
    IntakeContent.SignUp, IntakeContent.OfferOfHelp {

  /**
   * An application for assistance.
   *
   * @param applicantKind who applies
   * @param applicantName the applicant's name
   * @param applicantPhone the applicant's phone
   * @param childName the child's name
   * @param childSex the child's sex
   * @param childBirthDate the child's date of birth
   * @param causes why the child is in difficulty
   * @param categories what help is asked for
   * @param description the situation in the applicant's words
   */
  record AssistanceApplication(ApplicantKind applicantKind,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String applicantName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String applicantPhone,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String childName, Sex childSex,
      LocalDate childBirthDate, List<Cause> causes, List<NeedCategory> categories,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String description)
      implements IntakeContent {

    @Override
    public String toString() {
      return "AssistanceApplication[***]";
    }
  }

  /**
   * A mandatory report of a child at risk.
   *
   * @param reporterKind who reports
   * @param reporterName the reporter's name, or null (anonymous)
   * @param reporterPhone the reporter's phone, or null
   * @param place where the child is
   * @param childName the child's name, if known
   * @param description what was seen
   * @param immediateDanger whether the child is in danger now
   */
  record MandatoryReport(ReporterKind reporterKind,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String reporterName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String reporterPhone,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String place,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String childName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String description,
      boolean immediateDanger) implements IntakeContent {

    @Override
    public String toString() {
      return "MandatoryReport[***]";
    }
  }

  /**
   * A sign-up; its account exists from the start but cannot sign in until civil affairs approve it.
   *
   * @param kind volunteer, family or organisation
   * @param username the account's username
   * @param displayName the name shown
   * @param phone contact phone
   * @param skills a volunteer's skills
   * @param availability a volunteer's availability
   * @param offers what a family offers
   * @param householdMembers how many live in the family's household
   * @param capacity how many children a family can take in
   * @param organisationName an organisation's name
   * @param organisationType an organisation's type
   * @param registrationNumber an organisation's unified social credit code
   * @param nationalId a volunteer's or family contact's national ID number (for the record check)
   * @param home a family's home, in words
   * @param monthlyIncomeYuan a family's monthly household income
   * @param experience a family's experience with children
   * @param childAgeMin the youngest child a family would take in
   * @param childAgeMax the oldest child a family would take in
   * @param childSex the sex of child a family prefers, or null
   */
  record SignUp(SignUpKind kind, String username,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String displayName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone,
      List<org.onedoor.backend.registry.VolunteerSkill> skills, String availability,
      List<org.onedoor.backend.registry.CareKind> offers, Integer householdMembers, Integer capacity,
      String organisationName, org.onedoor.backend.registry.OrganisationType organisationType,
      String registrationNumber, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String nationalId,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String home,
      Integer monthlyIncomeYuan, @ExplicitEncrypted(algorithm = PersonalData.SEALED) String experience,
      Integer childAgeMin, Integer childAgeMax, Sex childSex) implements IntakeContent {

    @Override
    public String toString() {
      return "SignUp[" + kind + "]";
    }
  }

  /**
   * An offer of help; what it gives is the offer itself (matching's {@code Offer}), this is who made it.
   *
   * @param offerId the offer
   * @param kind what it gives
   * @param offererName the offerer's name
   * @param phone the offerer's phone, or null
   */
  record OfferOfHelp(String offerId, OfferKind kind,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String offererName,
      @ExplicitEncrypted(algorithm = PersonalData.SEALED) String phone)
      implements IntakeContent {

    @Override
    public String toString() {
      return "OfferOfHelp[" + kind + "]";
    }
  }
}
