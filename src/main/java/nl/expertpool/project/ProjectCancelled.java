package nl.expertpool.project;

import java.util.UUID;

/** Published in the transaction that closes a cancelled project. */
public record ProjectCancelled(UUID projectId) {}
