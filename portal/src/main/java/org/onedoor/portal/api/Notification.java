package org.onedoor.portal.api;

/**
 * An in-app notification: codes and references only.
 *
 * @param id identifier
 * @param kind NEW_TASK, TASK_OVERDUE or DECISION_MADE
 * @param reference what it is about (a receipt code)
 * @param detail a code refining it (an intake kind, a department, APPROVED or REJECTED), or null
 * @param createdAt ISO instant
 * @param read whether the user read it
 */
public record Notification(String id, String kind, String reference, String detail, String createdAt,
    boolean read) {
}
