package org.onedoor.portal.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere — or, for a signed-in user, to a page their role may not open (Vaadin tells those
 * apart from nothing it reveals): a localised page inside the portal's menu, with the way home, instead of Vaadin's
 * English "Could not navigate to …".
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    setId("not-found");
    addClassName("od-page");
    Anchor home = Links.route("", getTranslation("notFound.home"));
    home.setId("not-found-home");
    add(new H2(getTranslation("notFound.title")), new Paragraph(getTranslation("notFound.text")), home);
    return HttpServletResponse.SC_NOT_FOUND;
  }
}
