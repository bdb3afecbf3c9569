package org.onedoor.backend.needs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.casefiles.CaseFile;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.platform.graphql.Batches;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.needs.NeedInputs.CreateNeedInput;
import org.onedoor.backend.needs.NeedInputs.NeedFilter;
import org.onedoor.backend.needs.NeedInputs.PublishNeedInput;
import org.onedoor.backend.needs.NeedInputs.RecordConsentInput;
import org.onedoor.backend.needs.NeedInputs.WithdrawConsentInput;
import org.onedoor.backend.needs.NeedInputs.WithdrawNeedInput;
import org.onedoor.backend.needs.NeedPayloads.NeedPayload;
import org.onedoor.backend.needs.NeedPayloads.PublishNeedPayload;
import org.onedoor.backend.needs.NeedPayloads.RecordConsentPayload;
import org.onedoor.backend.needs.NeedPayloads.WithdrawConsentPayload;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record NeedController(NeedBoard board, Publication publication, Geography geography) {

  @QueryMapping
  Connection<PublicNeed> needs(@Argument NeedFilter filter, @Argument Integer first, @Argument String after) {
    return board.board(filter, first, after);
  }

  @BatchMapping(typeName = "CaseFile")
  Map<CaseFile, List<StaffNeed>> needs(List<CaseFile> files) {
    return Batches.resolveMany(files, CaseFile::id, board::needsOf);
  }

  @QueryMapping
  PublicNeed need(@Argument String id) {
    return board.publicNeed(id);
  }

  @MutationMapping
  NeedPayload createNeed(@Argument CreateNeedInput input, Locale locale) {
    return board.create(input, locale);
  }

  @MutationMapping
  PublishNeedPayload publishNeed(@Argument PublishNeedInput input, Locale locale) {
    return publication.publish(input.needId(), input.expectedRevision(), locale);
  }

  @MutationMapping
  NeedPayloads.CheckNeedPublicationPayload checkNeedPublication(@Argument PublishNeedInput input, Locale locale) {
    return publication.check(input.needId(), locale);
  }

  @MutationMapping
  NeedPayload updateNeed(@Argument NeedInputs.UpdateNeedInput input, Locale locale) {
    return board.update(input, locale);
  }

  @MutationMapping
  NeedPayload withdrawNeed(@Argument WithdrawNeedInput input, Locale locale) {
    return board.withdraw(input.needId(), locale);
  }

  @MutationMapping
  RecordConsentPayload recordConsent(@Argument RecordConsentInput input, Locale locale) {
    return board.recordConsent(input, locale);
  }

  @MutationMapping
  WithdrawConsentPayload withdrawConsent(@Argument WithdrawConsentInput input, Locale locale) {
    return board.withdrawConsent(input, locale);
  }

  /** The townships staff needs show the public, in one query. */
  @BatchMapping(typeName = "StaffNeed", field = "township")
  Map<StaffNeed, Township> staffNeedTownship(List<StaffNeed> needs) {
    return geography.townshipOf(needs, StaffNeed::shownTownshipId);
  }

  /** All townships of a page of needs in one query, whatever the page size. */
  @BatchMapping(typeName = "Need")
  Map<PublicNeed, Township> township(List<PublicNeed> needs) {
    return geography.townshipOf(needs, PublicNeed::townshipId);
  }
}
