package org.onedoor.portal.layout;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's default error page, which names the exception: users see a localised apology, the log gets
 * the exception's type (never its message, which may carry data).
 */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    log.error("Unexpected failure showing '{}': {}", event.getLocation().getPath(),
        parameter.getCaughtException().getClass().getName());
    H2 title = new H2(getTranslation("error.unexpected.title"));
    Paragraph text = new Paragraph(getTranslation("error.unexpected.text"));
    text.setId("unexpected-error");
    add(title, text);
    return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }
}
