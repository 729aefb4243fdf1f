package nl.expertpool.recruitment;

import java.time.Instant;
import java.util.UUID;

/** An expert of a project finished their training and is certified. */
public record ExpertCertified(UUID projectId, UUID expertId, Instant certifiedAt) {}
