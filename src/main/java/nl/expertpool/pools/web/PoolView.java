package nl.expertpool.pools.web;

import java.time.Instant;
import java.util.UUID;

/** A standing pool as the API shows it. */
record PoolView(
    UUID id,
    String name,
    String region,
    int certificationMonths,
    int membershipMonths,
    Instant createdAt) {}
