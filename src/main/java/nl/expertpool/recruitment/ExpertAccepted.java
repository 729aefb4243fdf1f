package nl.expertpool.recruitment;

import java.time.Instant;
import java.util.UUID;

/**
 * Screening accepted a candidate: they are an expert of the project now.
 *
 * @param certifiedAt when the certification they brought along was given; null when they bring none
 */
public record ExpertAccepted(
    UUID projectId, UUID applicationId, UUID expertId, Instant certifiedAt) {}
