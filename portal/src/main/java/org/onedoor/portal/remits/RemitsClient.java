package org.onedoor.portal.remits;

import java.util.List;
import java.util.Map;
import org.onedoor.portal.api.GraphQlGateway;
import org.onedoor.portal.api.Page;
import org.onedoor.portal.api.UserError;
import org.onedoor.portal.api.Village;
import org.springframework.stereotype.Component;

/** A department's worklists from the children's files: its remits, the children of one, recording what was done. */
@Component
public record RemitsClient(GraphQlGateway gateway) {

  /** The caller's department's remits with how many children need action. */
  public List<RemitCount> myRemits() {
    return gateway.call(graphQl -> graphQl.documentName("myRemits").retrieveSync("myRemits")
        .toEntityList(RemitCount.class));
  }

  /** A page of one remit's children (each listed file is a logged read). */
  public Page<RemitItem> worklist(String remit, int first, String after) {
    return gateway.pageWith("remitWorklist", "remitWorklist", RemitItem.class,
        GraphQlGateway.variables("remit", remit), first, after);
  }

  /** Records what the department did (the input's fields as the schema names them); the refusals. */
  public List<UserError> record(Map<String, Object> input) {
    return gateway.refusals("recordRemitAction", input);
  }

  /**
   * A remit and how many children need action.
   *
   * @param remit the remit
   * @param children how many
   */
  public record RemitCount(String remit, int children) {
  }

  /**
   * A child on a worklist.
   *
   * @param caseFileId the file
   * @param remit the remit
   * @param childName name
   * @param age years
   * @param fact the fact that puts the child on the list, or null
   * @param township township
   * @param village village
   * @param lastAction the department's last record, or null
   */
  public record RemitItem(String caseFileId, String remit, String childName, int age, String fact, Village township,
      Village village, Action lastAction) {
  }

  /**
   * What the department recorded.
   *
   * @param doneOn yyyy-MM-dd
   * @param note what was done
   * @param resolved whether it settled the matter
   * @param recordedByName who
   */
  public record Action(String doneOn, String note, boolean resolved, String recordedByName) {
  }
}
