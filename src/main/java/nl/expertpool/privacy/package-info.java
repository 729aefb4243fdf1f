/**
 * Retention and data subject rights: the one place that anonymises personal data — for a whole
 * project after its retention period, or for one person on request — and that exports everything
 * stored about a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package nl.expertpool.privacy;
