package nl.expertpool.web;

/** The headers that tell browsers what the app's pages may do. */
public final class SecurityHeaderPolicy {

  /**
   * Pages and API: scripts, styles, fetches and images from this app only (images also as data:
   * URLs, which the style sheet uses for its icons); no plugins, no framing, no base URL from the
   * page. No inline script or style: the pages have none.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'none'";

  /** No page uses the camera, microphone, location, payment or USB: nobody may ask for them. */
  public static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  private SecurityHeaderPolicy() {}
}
