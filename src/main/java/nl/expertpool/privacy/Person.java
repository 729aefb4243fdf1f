package nl.expertpool.privacy;

import java.util.UUID;

/**
 * Someone personal data is stored about: an applicant, and once accepted also an expert.
 *
 * @param expertId null while the applicant is not (or never became) an expert
 */
public record Person(UUID applicationId, UUID projectId, UUID expertId) {

  public boolean isExpert() {
    return expertId != null;
  }
}
