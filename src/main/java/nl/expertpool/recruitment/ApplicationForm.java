package nl.expertpool.recruitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A candidate's sign-up, as sent to the public endpoint (which needs the sign-up code), or as staff
 * record it on the candidate's behalf (who need none).
 */
public record ApplicationForm(
    @Size(max = 20) String signUpCode,
    @NotBlank @Size(max = 200) String name,
    @Email @Size(max = 200) String email,
    @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone,
    @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> languages,
    @NotBlank @Size(max = 2000) String motivation,
    @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en, nl, uk or ar")
        String preferredLanguage,
    @NotNull(message = "is required: without consent nothing is stored") @Valid Consent consent) {

  String preferredLanguageOrDefault() {
    return preferredLanguage == null ? "en" : preferredLanguage;
  }

  @AssertTrue(message = "an e-mail address or a phone number is required")
  boolean isContact() {
    return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
  }

  /**
   * The candidate's informed consent: given, to which version of the text (as in {@code
   * consent/<version>/}), how, and in which language it was shown (the preferred one when left
   * out).
   */
  public record Consent(
      @NotNull @AssertTrue(message = "must be true: without consent nothing is stored")
          Boolean given,
      @NotBlank @Size(max = 40) String textVersion,
      @NotBlank @Size(max = 40) String method,
      @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en, nl, uk or ar")
          String language) {

    public Consent(Boolean given, String textVersion, String method) {
      this(given, textVersion, method, null);
    }
  }
}
