package nl.expertpool.insight;

import java.time.Instant;
import java.util.List;

/** A project's synthesis: its state, the interview counts behind it and every theme. */
public record SynthesisView(
    int version,
    String status,
    int interviewsRecorded,
    int interviewsDeclined,
    int interviewsMissing,
    Instant createdAt,
    Instant approvedAt,
    List<ThemeInsight> themes) {}
