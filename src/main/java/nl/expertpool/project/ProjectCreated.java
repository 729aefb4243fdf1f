package nl.expertpool.project;

import java.util.UUID;

/** Published in the transaction that stores a new project. */
public record ProjectCreated(UUID projectId, int targetExperts) {}
