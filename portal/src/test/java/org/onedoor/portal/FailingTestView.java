package org.onedoor.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Test-only route that fails the way an unforeseen bug would, with data in the exception's message. */
@Route("test-only/failure")
@AnonymousAllowed
class FailingTestView extends Div {

  FailingTestView() {
    throw new IllegalStateException("child 230381201001011234 at 新华村");
  }
}
