package org.onedoor.portal.needs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.PublicNeed;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Links;

/**
 * A need's own page ({@code /needs/<id>}), the address charities share: everything public about it — the condition
 * class and the children's home that delivers help included — a pledge for signed-in offerers, and a button that
 * copies the link. Its head carries the need's title and a share-friendly description for link previews
 * ({@link NeedPageHead}). A need no longer published says so.
 */
@Route("needs/:id")
@AnonymousAllowed
class NeedView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

  private final NeedsClient api;
  private final org.onedoor.portal.api.GeographyClient places;
  private final NeedTexts texts;
  private String title;

  NeedView(NeedsClient api, org.onedoor.portal.api.GeographyClient places) {
    this.api = api;
    this.places = places;
    this.texts = new NeedTexts(this);
    setId("need-detail");
    addClassName("od-page");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String id = event.getRouteParameters().get("id").orElse("");
    PublicNeed need;
    try {
      need = NeedPageHead.ID.matcher(id).matches() ? api.need(id) : null;
    } catch (ApiException failure) {
      add(new Paragraph(ApiErrors.message(this, failure)));
      ApiErrors.show(this, failure);
      return;
    }
    Anchor back = Links.route("needs", getTranslation("needs.back"));
    back.setId("need-back");
    if (need == null) {
      title = getTranslation("needs.notFound");
      H2 heading = new H2(title);
      heading.setId("need-title");
      add(heading, new Paragraph(getTranslation("needs.notFoundText")), back);
      return;
    }
    title = need.title();
    H2 heading = new H2(need.title());
    heading.setId("need-title");
    Span state = new Span(texts.state(need));
    state.getElement().getThemeList().add(need.fulfilled() ? "badge success" : "badge");
    add(heading, state, new Paragraph(need.description()));
    Div facts = new Div();
    facts.setId("need-facts");
    facts.addClassName("od-card");
    line(facts, "needs.category", texts.category(need));
    line(facts, "needs.urgency", getTranslation("urgency." + need.urgency()));
    line(facts, "needs.child", texts.child(need));
    line(facts, "needs.township", texts.township(need));
    line(facts, "needs.condition", texts.condition(need));
    line(facts, "needs.deliveredBy", texts.deliveredBy(need));
    line(facts, "needs.asked", texts.asked(need));
    line(facts, "needs.deadline", need.deadlineMonth());
    line(facts, "needs.published", need.publishedMonth());
    add(facts);

    HorizontalLayout actions = new HorizontalLayout();
    actions.setWrap(true);
    if (!need.fulfilled() && signedIn() && PledgeDialog.kinds(need).isEmpty()) {
      Paragraph only = new Paragraph(getTranslation("pledge.serviceOnly"));
      only.setId("need-service-only");
      actions.add(only);
    } else if (!need.fulfilled() && signedIn()) {
      Button pledge = new Button(getTranslation("pledge.open"), click -> {
        try {
          new PledgeDialog(api, need, places.townships()).open();
        } catch (ApiException failure) {
          ApiErrors.show(this, failure);
        }
      });
      pledge.setId("need-pledge");
      pledge.addThemeVariants(ButtonVariant.PRIMARY);
      actions.add(pledge);
    } else if (!need.fulfilled()) {
      Anchor offer = Links.route("offer", getTranslation("needs.helpAsVisitor"));
      offer.setId("need-offer");
      actions.add(offer);
    }
    Button share = new Button(getTranslation("needs.share"), click -> {
      getElement().executeJs("return navigator.clipboard ? navigator.clipboard.writeText(window.location.href)"
          + ".then(() => true, () => false) : false").then(Boolean.class, copied -> Notification.show(
              getTranslation(Boolean.TRUE.equals(copied) ? "needs.shareCopied" : "needs.shareManual")));
    });
    share.setId("need-share");
    actions.add(share, back);
    add(actions);
  }

  private void line(Div facts, String labelKey, String value) {
    if (value != null && !value.isBlank()) {
      Div line = new Div();
      line.addClassName("od-card-line");
      Span label = new Span(getTranslation(labelKey) + getTranslation("punctuation.colon"));
      label.addClassName("od-card-label");
      line.add(label, new Span(value));
      facts.add(line);
    }
  }

  private static boolean signedIn() {
    var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    return user != null && user.isAuthenticated()
        && !(user instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
  }

  @Override
  public String getPageTitle() {
    return (title == null ? "" : title + " · ") + getTranslation("needs.pageTitle");
  }
}
