package org.onedoor.portal.casefiles;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.onedoor.portal.api.ApiException;
import org.onedoor.portal.api.StaffApi;
import org.onedoor.portal.api.StaffApi.Change;
import org.onedoor.portal.i18n.CityTime;
import org.onedoor.portal.layout.ApiErrors;

/**
 * Edits one section of a child's file against the version the user read. When someone else changed the file
 * meanwhile, the save is refused: the dialog stays open with the user's input, says who changed what and when, and
 * a second save applies the user's input over the new version — knowingly, never silently.
 */
final class FileSectionDialog extends Dialog {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseFilesClient api;
  private final String fileId;
  private final Div notice = new Div();
  private int version;

  /**
   * A section's editor.
   *
   * @param api the backend
   * @param file the file as read
   * @param section the section's id (the dialog's id is {@code edit-<section>-dialog}) and title key ({@code
   *     fileEdit.<section>})
   * @param form the section's fields, filled with what the file holds
   * @param fields the fields by the API's names, to mark refusals on
   * @param changes the section's changes as UpdateCaseFileInput fields, read when saving
   * @param saved what to do once saved (show the file again)
   */
  FileSectionDialog(CaseFilesClient api, StaffApi.CaseFileDetail file, String section, Component form,
      Map<String, ? extends HasValidation> fields, Supplier<Map<String, Object>> changes, Runnable saved) {
    this.api = api;
    this.fileId = file.id();
    this.version = file.version();
    setId("edit-" + section + "-dialog");
    setHeaderTitle(getTranslation("fileEdit." + section));
    setWidth("min(40rem, 96vw)");
    notice.setId("edit-stale");
    notice.setVisible(false);
    notice.addClassName("stale-notice");
    add(notice, form);
    Button save = new Button(getTranslation("fileEdit.save"), click -> save(fields, changes, saved));
    save.setId("edit-save");
    save.addThemeVariants(ButtonVariant.PRIMARY);
    Button cancel = new Button(getTranslation("needs.close"), click -> close());
    cancel.setId("edit-cancel");
    getFooter().add(cancel, save);
  }

  private void save(Map<String, ? extends HasValidation> fields, Supplier<Map<String, Object>> changes,
      Runnable saved) {
    fields.values().forEach(field -> field.setInvalid(false));
    Map<String, Object> input = new LinkedHashMap<>(changes.get());
    input.put("id", fileId);
    input.put("expectedVersion", version);
    StaffApi.FileUpdate result;
    try {
      result = api.updateCaseFile(input);
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    if (result.errors().isEmpty()) {
      Notification.show(getTranslation("fileEdit.saved"), 4000, Notification.Position.BOTTOM_CENTER)
          .setId("edit-saved");
      close();
      saved.run();
      return;
    }
    if (result.stale()) {
      showMeanwhile(result.changesSince());
      return;
    }
    notice.setVisible(false);
    ApiErrors.mark(result.errors(), fields);
  }

  /** Who changed what since the user opened the file; the next save goes over the file as it is now. */
  private void showMeanwhile(List<Change> meanwhile) {
    try {
      version = api.caseFile(fileId).version();
    } catch (ApiException failure) {
      ApiErrors.show(this, failure);
      return;
    }
    notice.removeAll();
    notice.add(new Paragraph(getTranslation("fileEdit.stale")));
    for (Change change : meanwhile) {
      Paragraph line = new Paragraph(getTranslation("fileEdit.staleChange",
          change.actorName() == null ? change.actor() : change.actorName(),
          MINUTES.format(Instant.parse(change.at()).atZone(CityTime.ZONE)),
          change.changes().stream().map(f -> getTranslation("history.field." + f.field()))
              .collect(Collectors.joining(getTranslation("punctuation.list")))));
      line.addClassName("stale-change");
      notice.add(line);
    }
    notice.add(new Paragraph(getTranslation("fileEdit.staleAgain")));
    notice.setVisible(true);
  }
}
