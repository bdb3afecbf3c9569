package org.onedoor.portal.safety;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.FileCodes;
import org.onedoor.portal.api.Language;
import org.onedoor.portal.api.NeedCategories;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;
import org.onedoor.portal.layout.Cards;
import org.onedoor.portal.layout.Links;
import org.onedoor.portal.security.PortalRoles;
import org.onedoor.schema.RoleNames;

/**
 * One safety chain: the report's facts, the step due and by when, the steps recorded (a timeline), and — for the
 * departments with a part, the township and civil affairs — the form of the next step, in order: the child seen,
 * immediate safety in a place from the registers, the assessment, interventions, the closure. Refusals are shown on
 * their field; nothing is stored unless all is valid.
 */
@Route("safety-chain")
@RolesAllowed({RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF, RoleNames.CIVIL_AFFAIRS})
class SafetyCaseView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

  private final SafetyClient api;
  private String chainId;

  SafetyCaseView(SafetyClient api) {
    this.api = api;
    setId("safety-chain");
  }

  @Override
  public void setParameter(BeforeEvent event, String id) {
    this.chainId = id;
    show();
  }

  private void show() {
    removeAll();
    SafetyApi.Chain chain;
    try {
      chain = api.chain(chainId);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    boolean english = Language.of(getLocale()) == Language.EN;
    H2 title = new H2(getTranslation("safety.chainTitle", chain.receiptCode()));
    title.setId("safety-title");
    add(title);
    Cards.Card facts = new Cards.Card(getTranslation(chain.closed() ? "safety.closed"
        : chain.overdue() ? "safety.overdue" : "safety.open"), null);
    if (chain.immediateDanger()) {
      facts.badge(getTranslation("safety.danger"), "badge error primary");
    }
    facts.line(getTranslation("needs.township"), chain.township() == null ? null
            : english ? chain.township().nameEn() : chain.township().name())
        .line(getTranslation("safety.reportedAt"), SafetyTexts.minutes(chain.reportedAt()))
        .line(getTranslation("safety.lead"), getTranslation("department." + chain.lead()))
        .line(getTranslation("safety.departments"), String.join(getTranslation("punctuation.list"),
            chain.departments().stream().map(d -> getTranslation("department." + d)).toList()))
        .line(getTranslation("safety.nextStep"), chain.nextStep() == null ? null
            : getTranslation(chain.allowedSteps().size() > 1 ? "safety.nextStepOr" : "safetyStep." + chain.nextStep()))
        .line(getTranslation("safety.dueAt"), SafetyTexts.minutes(chain.dueAt()));
    facts.setId("safety-facts");
    if (chain.caseFileId() != null && PortalRoles.has(RoleNames.SUPERVISOR, RoleNames.TOWNSHIP_STAFF,
        RoleNames.CIVIL_AFFAIRS)) {
      var file = Links.route("files/" + chain.caseFileId(), getTranslation("safety.openFile"));
      file.setId("safety-file");
      facts.footer(file);
    } else if (chain.caseFileId() == null) {
      facts.text(getTranslation("safety.noFile"));
    }
    add(facts);

    add(new H3(getTranslation("safety.timeline")));
    Cards steps = new Cards("safety-steps");
    chain.steps().forEach(step -> steps.add(SafetyTexts.card(this, step)));
    steps.emptyText(getTranslation("safety.noSteps"));
    add(steps);

    if (!chain.allowedSteps().isEmpty() && PortalRoles.has(RoleNames.TOWNSHIP_STAFF, RoleNames.DEPARTMENT_STAFF,
        RoleNames.CIVIL_AFFAIRS)) {
      add(new StepForm(chain));
    }
  }

  /** The next step's form: the step, when, and the step's own fields (only those of the chosen step are shown). */
  private final class StepForm extends VerticalLayout {

    StepForm(SafetyApi.Chain chain) {
      setId("safety-form");
      setPadding(false);
      add(new H3(getTranslation("safety.record")));
      Select<String> step = new Select<>();
      step.setId("safety-step");
      step.setLabel(getTranslation("safety.step"));
      step.setItems(chain.allowedSteps());
      step.setItemLabelGenerator(s -> getTranslation("safetyStep." + s));
      step.setValue(chain.allowedSteps().getFirst());
      DateTimePicker at = new DateTimePicker(getTranslation("safety.occurredAt"));
      at.setId("safety-occurred-at");
      at.setLocale(getLocale());
      at.setMax(LocalDateTime.now(CityTime.ZONE).plusMinutes(5));
      at.setValue(LocalDateTime.now(CityTime.ZONE).truncatedTo(ChronoUnit.MINUTES));

      TextField seenBy = new TextField(getTranslation("safety.seenBy"));
      seenBy.setId("safety-seen-by");
      seenBy.setHelperText(getTranslation("safety.seenByHelp"));
      TextArea seenNote = new TextArea(getTranslation("safety.childState"));
      seenNote.setId("safety-seen-note");
      FormLayout childSeen = section("CHILD_SEEN", seenBy, seenNote);

      RadioButtonGroup<String> placement = new RadioButtonGroup<>(getTranslation("safety.placement"), SafetyApi.PLACEMENTS);
      placement.setId("safety-placement");
      placement.setItemLabelGenerator(p -> getTranslation("placement." + p));
      ComboBox<SafetyApi.Place> place = new ComboBox<>(getTranslation("safety.place"));
      place.setId("safety-place");
      place.setItemLabelGenerator(p -> p.name() + (p.detail() == null ? "" : getTranslation("file.relationship",
          p.detail())));
      place.setHelperText(getTranslation("safety.placeHelp"));
      place.setVisible(false);
      placement.addValueChangeListener(change -> {
        String kind = change.getValue();
        place.clear();
        place.setItems(chain.placeChoices().stream().filter(p -> p.kind().equals(kind)).toList());
        place.setVisible(kind != null && !"SAFE_AT_HOME".equals(kind));
      });
      TextArea safetyNote = new TextArea(getTranslation("safety.note"));
      safetyNote.setId("safety-safety-note");
      FormLayout immediate = section("IMMEDIATE_SAFETY", placement, place, safetyNote);

      Select<String> capability = new Select<>();
      capability.setId("safety-capability");
      capability.setLabel(getTranslation("file.capability"));
      capability.setItems(FileCodes.CAPABILITIES);
      capability.setItemLabelGenerator(c -> c == null ? "" : getTranslation("capability." + c));
      TextArea risks = new TextArea(getTranslation("safety.risks"));
      risks.setId("safety-risks");
      Select<Integer> tier = new Select<>();
      tier.setId("safety-risk-tier");
      tier.setLabel(getTranslation("file.riskTier"));
      tier.setItems(1, 2, 3, 4);
      tier.setItemLabelGenerator(x -> x == null ? "" : getTranslation("newFile.tier." + x));
      CheckboxGroup<String> needs = new CheckboxGroup<>(getTranslation("safety.needsToOpen"),
          NeedCategories.CATEGORIES);
      needs.setId("safety-needs");
      needs.setItemLabelGenerator(c -> getTranslation("needCategory." + c));
      FormLayout assessment = section("ASSESSMENT", capability, tier, risks, needs);

      CheckboxGroup<String> measures = new CheckboxGroup<>(getTranslation("safety.measures"), SafetyApi.MEASURES);
      measures.setId("safety-measures");
      measures.setItemLabelGenerator(m -> getTranslation("measure." + m));
      TextField documentRef = new TextField(getTranslation("safety.documentRef"));
      documentRef.setId("safety-document-ref");
      documentRef.setHelperText(getTranslation("safety.documentRefHelp"));
      TextArea interventionNote = new TextArea(getTranslation("safety.note"));
      interventionNote.setId("safety-intervention-note");
      FormLayout intervention = section("INTERVENTION", measures, documentRef, interventionNote);

      TextArea review = new TextArea(getTranslation("safety.review"));
      review.setId("safety-review");
      FormLayout closure = section("CLOSURE", review);

      Map<String, FormLayout> sections = Map.of("CHILD_SEEN", childSeen, "IMMEDIATE_SAFETY", immediate,
          "ASSESSMENT", assessment, "INTERVENTION", intervention, "CLOSURE", closure);
      Runnable shown = () -> sections.forEach((name, section) -> section.setVisible(name.equals(step.getValue())));
      step.addValueChangeListener(change -> shown.run());
      shown.run();

      Map<String, HasValidation> fields = ApiErrors.fields("step", step, "occurredAt", at,
          "childSeen.seenBy", seenBy, "childSeen.note", seenNote,
          "immediateSafety.placement", placement, "immediateSafety.placeId", place, "immediateSafety.note",
          safetyNote, "assessment.capability", capability, "assessment.risks", risks, "assessment.riskTier", tier,
          "intervention.measures", measures, "intervention.documentRef", documentRef, "intervention.note",
          interventionNote, "closure.review", review);
      Button save = new Button(getTranslation("safety.save"), click -> {
        fields.values().forEach(field -> field.setInvalid(false));
        Map<String, Object> input = new HashMap<>();
        input.put("caseId", chain.id());
        input.put("expectedVersion", chain.version());
        input.put("step", step.getValue());
        input.put("occurredAt", at.getValue() == null ? "" : at.getValue().truncatedTo(ChronoUnit.MINUTES)
            .toString());
        switch (step.getValue()) {
          case "CHILD_SEEN" -> input.put("childSeen", map("seenBy", seenBy.getValue(), "note",
              seenNote.getValue()));
          case "IMMEDIATE_SAFETY" -> {
            if (placement.getValue() != null) {
              input.put("immediateSafety", map("placement", placement.getValue(), "placeId",
                  place.getValue() == null ? null : place.getValue().id(), "note", safetyNote.getValue()));
            }
          }
          case "ASSESSMENT" -> {
            if (capability.getValue() != null) {
              input.put("assessment", map("capability", capability.getValue(), "risks", risks.getValue(),
                  "riskTier", tier.getValue(), "needsToOpen", NeedCategories.CATEGORIES.stream()
                      .filter(needs.getValue()::contains).toList()));
            }
          }
          case "INTERVENTION" -> input.put("intervention", map("measures", SafetyApi.MEASURES.stream()
              .filter(measures.getValue()::contains).toList(), "documentRef", documentRef.getValue(), "note",
              interventionNote.getValue()));
          case "CLOSURE" -> input.put("closure", map("review", review.getValue()));
          default -> {
          }
        }
        List<UserError> refusals = missing(step.getValue(), placement, capability, tier);
        if (refusals.isEmpty()) {
          try {
            refusals = api.record(input);
          } catch (ApiException failure) {
            ApiErrors.show(this, failure);
            return;
          }
        }
        if (refusals.isEmpty()) {
          Notification.show(getTranslation("safety.recorded", getTranslation("safetyStep." + step.getValue())),
              5000, Notification.Position.BOTTOM_CENTER).setId("safety-recorded");
          show();
        } else {
          ApiErrors.mark(refusals, fields);
        }
      });
      save.setId("safety-save");
      save.addThemeVariants(ButtonVariant.PRIMARY);
      FormLayout common = new FormLayout(step, at);
      add(common, childSeen, immediate, assessment, intervention, closure, save);
    }

    /** Choices the schema requires before anything is sent: marked on their field, like any refusal. */
    private List<UserError> missing(String step, RadioButtonGroup<String> placement, Select<String> capability,
        Select<Integer> tier) {
      if ("IMMEDIATE_SAFETY".equals(step) && placement.getValue() == null) {
        return List.of(new UserError("PLACEMENT_REQUIRED", "immediateSafety.placement",
            getTranslation("safety.placementRequired")));
      }
      if ("ASSESSMENT".equals(step) && capability.getValue() == null) {
        return List.of(new UserError("CAPABILITY_REQUIRED", "assessment.capability",
            getTranslation("safety.capabilityRequired")));
      }
      if ("ASSESSMENT".equals(step) && tier.getValue() == null) {
        return List.of(new UserError("RISK_TIER_INVALID", "assessment.riskTier",
            getTranslation("safety.tierRequired")));
      }
      return List.of();
    }

    private FormLayout section(String step, Component... fields) {
      FormLayout section = new FormLayout(fields);
      section.setId("safety-section-" + step.toLowerCase().replace('_', '-'));
      return section;
    }
  }

  private static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      map.put((String) namesAndValues[i], value instanceof String text && text.isBlank() ? null : value);
    }
    return map;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("safety.pageTitle");
  }
}
