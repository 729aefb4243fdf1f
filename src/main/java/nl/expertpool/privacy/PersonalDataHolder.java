package nl.expertpool.privacy;

import java.util.Map;
import java.util.UUID;

/**
 * A module that stores personal data takes part in retention and in people's data rights by
 * implementing this: privacy asks every holder for its part, and a module added later joins by
 * implementing it. The order of the holders ({@code @Order}) is the order of the export's sections.
 */
public interface PersonalDataHolder {

  /** What a removed name reads as. */
  String REMOVED = "(removed)";

  /**
   * Removes this module's personal data of a whole project and keeps what the results need: counts,
   * pseudonyms, aggregates. Runs in the caller's transaction; a second call changes nothing.
   */
  void anonymiseProject(UUID projectId);

  /** Removes this module's personal data of one person now. */
  default void erasePerson(Person person, String actor) {}

  /** This module's sections of the person's export, by name and in order; empty when none. */
  default Map<String, Object> export(Person person) {
    return Map.of();
  }
}
