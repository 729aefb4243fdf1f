package nl.expertpool.feedback;

import java.math.BigDecimal;
import java.util.List;

/**
 * The experts' support for one action of the agenda.
 *
 * @param meanSupport null while nobody scored it
 * @param status {@code ACTIVE}, or after the revision {@code EDITED}, {@code DROPPED} or {@code
 *     KEPT}
 * @param comments what experts wrote, without who wrote it (staff only)
 */
public record ItemSupport(
    int position,
    String theme,
    String action,
    BigDecimal meanSupport,
    int supportCount,
    boolean flagged,
    String status,
    String originalAction,
    String revisionReason,
    List<String> comments) {}
