package nl.expertpool.project;

import java.util.UUID;

/** Published before a project whose process could not start is removed again. */
public record ProjectDiscarded(UUID projectId) {}
