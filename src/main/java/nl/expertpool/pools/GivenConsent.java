package nl.expertpool.pools;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The consent to be invited again as an expert gave it: the text's version and language they were
 * shown (the pool's texts, {@code pool-consent/}), and how (web-page, paper, in person...).
 */
public record GivenConsent(
    @NotBlank @Pattern(regexp = "v[0-9]{1,3}") String textVersion,
    @NotBlank @Pattern(regexp = "[a-z]{2,3}") String language,
    @NotBlank @Size(max = 40) String method) {}
