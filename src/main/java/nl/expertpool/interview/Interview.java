package nl.expertpool.interview;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One interview slot of one expert, as stored: no names or contacts, a coarse profile only.
 *
 * @param intervieweePseudonym per project, e.g. {@code I-007}; null unless recorded
 * @param themes the project themes the interview raised
 * @param needs one entry per line the expert typed, as are {@code keyQuotes} and {@code solutions}
 * @param language what the words are in (a BCP 47 tag such as {@code uk}); null when not recorded
 */
public record Interview(
    UUID id,
    UUID projectId,
    UUID expertId,
    String expertPseudonym,
    int slot,
    Status status,
    String intervieweePseudonym,
    String ageBand,
    String gender,
    String residenceStatus,
    String timeInNetherlands,
    List<String> themes,
    List<String> needs,
    List<String> keyQuotes,
    String insights,
    List<String> solutions,
    Instant recordedAt,
    String language) {

  /** The coarse profile in one line (age band · gender · residence status · time here). */
  public String profile() {
    return java.util.stream.Stream.of(ageBand, gender, residenceStatus, timeInNetherlands)
        .filter(java.util.Objects::nonNull)
        .collect(java.util.stream.Collectors.joining(" · "));
  }

  public enum Status {
    /** The interviewee consented and the content is stored. */
    RECORDED,
    /** The interviewee declined: counted, nothing else stored. */
    DECLINED,
    /** The deadline passed before the interview was recorded. */
    MISSING
  }
}
