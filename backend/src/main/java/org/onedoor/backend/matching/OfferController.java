package org.onedoor.backend.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onedoor.backend.geography.Geography;
import org.onedoor.backend.geography.Township;
import org.onedoor.backend.intake.OfferKind;
import org.onedoor.backend.platform.graphql.Connection;
import org.onedoor.backend.platform.graphql.GraphQlLimits;
import org.onedoor.backend.platform.graphql.RequestContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record OfferController(Offers offers, Geography geography, GraphQlLimits limits) {

  @MutationMapping
  Offers.SubmitOfferPayload submitOffer(@Argument Offers.SubmitOfferInput input,
      @ContextValue(name = RequestContext.CLIENT_ADDRESS, required = false) String client, Locale locale) {
    return offers.submit(input, client, locale);
  }

  /**
   * An offer to withdraw.
   *
   * @param offerId the offer
   */
  record WithdrawOfferInput(String offerId) {
  }

  @MutationMapping
  Offers.WithdrawOfferPayload withdrawOffer(@Argument WithdrawOfferInput input, Locale locale) {
    return offers.withdraw(input.offerId(), locale);
  }

  @QueryMapping
  Connection<Offer> openOffers(@Argument OfferKind kind, @Argument Integer first, @Argument String after) {
    return offers.open(kind, limits.pageSize(first), after);
  }

  @QueryMapping
  Connection<Offer> myOffers(@Argument Integer first, @Argument String after) {
    return offers.mine(limits.pageSize(first), after);
  }

  @BatchMapping(typeName = "Offer", field = "township")
  Map<Offer, Township> township(List<Offer> list) {
    return geography.townshipOf(list, Offer::townshipId);
  }
}
