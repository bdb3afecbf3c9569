package org.onedoor.backend.safety;

/**
 * A place from the registers where the child can be kept safe at once, as offered to the staff recording it.
 *
 * @param id the choice's id (relative:&lt;n&gt;, family:&lt;id&gt;, institution:&lt;id&gt;)
 * @param kind the kind of placement it is
 * @param name the relative's, the family's contact's or the institution's name
 * @param detail the relative's relationship to the child, when a relative
 */
public record PlaceChoice(String id, PlacementKind kind, String name, String detail) {
}
