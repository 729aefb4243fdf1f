package nl.expertpool.privacy;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Someone personal data is stored about: an applicant, and once accepted also an expert.
 *
 * @param expertId null while the applicant is not (or never became) an expert
 */
public record Person(UUID applicationId, UUID projectId, UUID expertId) {

  public boolean isExpert() {
    return expertId != null;
  }

  /** A section of the export that only an expert has: none for an applicant who is not one. */
  public Map<String, Object> expertSection(String name, Function<UUID, Object> content) {
    return isExpert() ? Map.of(name, content.apply(expertId)) : Map.of();
  }
}
