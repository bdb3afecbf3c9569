package org.onedoor.backend.geography;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record TownshipController(Geography geography) {

  @QueryMapping
  List<Township> townships() {
    return geography.townships();
  }
}
