package org.onedoor.backend.platform.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * A client address as limits count it: an IPv4 address whole, an IPv6 address by its /64 — one subscriber's whole
 * range, so that walking through the addresses of one's own /64 gives no fresh allowance.
 */
public final class ClientAddresses {

  private ClientAddresses() {
  }

  /** The address, or its /64 for IPv6; "unknown" when there is none. */
  public static String counted(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String literal = address.strip();
    if (!literal.contains(":")) {
      return literal;
    }
    try {
      // A literal IPv6 address: parsed, never looked up.
      byte[] bytes = InetAddress.getByName(literal.startsWith("[") ? literal : "[" + literal + "]").getAddress();
      return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : literal;
    } catch (UnknownHostException notAnAddress) {
      return literal;
    }
  }
}
