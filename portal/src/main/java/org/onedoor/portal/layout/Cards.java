package org.onedoor.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Cards instead of wide grids: a list that is one column on a phone and more as the screen grows (styles in
 * {@code styles/onedoor.css}), each card a title, an optional badge and lines of "label: value".
 */
public final class Cards extends Div {

  public Cards(String id) {
    setId(id);
    addClassName("od-cards");
  }

  /** Shows the text when there are no cards (an empty list says so, it is never just blank). */
  public void emptyText(String text) {
    if (getChildren().findAny().isEmpty()) {
      Paragraph empty = new Paragraph(text);
      empty.addClassName("od-empty");
      add(empty);
    }
  }

  /** One card. */
  public static final class Card extends Div {

    private final Div header = new Div();

    /** A card whose title links to {@code href} (followed by the router), or plain text when href is null. */
    public Card(String title, String href) {
      addClassName("od-card");
      H3 heading = new H3();
      heading.addClassName("od-card-title");
      if (href == null) {
        heading.setText(title);
      } else {
        heading.add(Links.route(href, title));
      }
      header.add(heading);
      add(header);
    }

    /** A badge under the title (e.g. the need's state). */
    public Card badge(String text, String theme) {
      Span badge = new Span(text);
      badge.getElement().getThemeList().add(theme);
      header.add(badge);
      return this;
    }

    /** A line "label: value"; nothing when the value is null or blank. */
    public Card line(String label, String value) {
      if (value != null && !value.isBlank()) {
        Div line = new Div();
        line.addClassName("od-card-line");
        Span name = new Span(label + separator(label));
        name.addClassName("od-card-label");
        line.add(name, new Span(value));
        add(line);
      }
      return this;
    }

    /** A line of text of its own. */
    public Card text(String text) {
      if (text != null && !text.isBlank()) {
        Div line = new Div(text);
        line.addClassName("od-card-line");
        add(line);
      }
      return this;
    }

    /** Any component at the card's foot (a button, a link). */
    public Card footer(Component component) {
      add(component);
      return this;
    }

    /** Chinese labels take a full-width colon, English ones a colon and a space. */
    private static String separator(String label) {
      return !label.isEmpty() && label.codePointAt(label.length() - 1) > 0x2E7F ? "：" : ": ";
    }
  }
}
