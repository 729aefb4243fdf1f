package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.expertpool.project.Project;
import nl.expertpool.recruitment.ApplicationConfirmation;
import nl.expertpool.recruitment.ApplicationForm;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.ConsentTexts;
import nl.expertpool.recruitment.Intake;
import nl.expertpool.recruitment.PublicApplicationLimiter;
import nl.expertpool.ui.ProjectDraft.FieldProblem;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public sign-up, {@code /apply/{signUpCode}}, without an account and without JavaScript: what
 * the project is about, what it asks and pays, the consent text in the page's language, the
 * application's fields and then what happens next. The same rules as the public API: the rate
 * limit, the cap per call, the de-duplication and the double opt-in. A code that opens nothing gets
 * a page that says only that the call is not open.
 */
@Controller
class SignUpPage {

  static final String METHOD = "web-page";

  private final CallForExperts calls;
  private final Intake intake;
  private final ApplicationConfirmation confirmation;
  private final PublicApplicationLimiter limits;
  private final ConsentTexts consents;
  private final Languages languages;
  private final Validator validator;

  SignUpPage(
      CallForExperts calls,
      Intake intake,
      ApplicationConfirmation confirmation,
      PublicApplicationLimiter limits,
      ConsentTexts consents,
      Languages languages,
      Validator validator) {
    this.calls = calls;
    this.intake = intake;
    this.confirmation = confirmation;
    this.limits = limits;
    this.consents = consents;
    this.languages = languages;
    this.validator = validator;
  }

  /** What the applicant typed, as typed. */
  record Typed(
      String name,
      String email,
      String phone,
      String languages,
      String motivation,
      String preferredLanguage,
      boolean consent) {

    static Typed blank(Locale locale) {
      return new Typed("", "", "", "", "", locale.getLanguage(), false);
    }
  }

  @GetMapping("/apply/{code}")
  String form(@PathVariable String code, Locale locale, Model model, HttpServletResponse response) {
    Optional<Project> project = calls.openCall(code);
    if (project.isEmpty()) {
      return closed(response);
    }
    return show(model, code, project.get(), Typed.blank(locale), Map.of(), locale);
  }

  @PostMapping("/apply/{code}")
  String apply(
      @PathVariable String code,
      @RequestParam Map<String, String> form,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Optional<Project> open = calls.openCall(code);
    if (open.isEmpty()) {
      return closed(response);
    }
    Project project = open.get();
    Typed typed =
        new Typed(
            value(form, "name"),
            value(form, "email"),
            value(form, "phone"),
            value(form, "languages"),
            value(form, "motivation"),
            value(form, "preferredLanguage"),
            "yes".equals(form.get("consent")));
    var shown =
        consents
            .text(value(form, "consentVersion"), value(form, "consentLanguage"))
            .orElse(consents.shown(locale.getLanguage()));
    ApplicationForm application =
        new ApplicationForm(
            code,
            blankToNull(typed.name()),
            blankToNull(typed.email()),
            blankToNull(typed.phone()),
            Arrays.stream(typed.languages().split("[,;]"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList(),
            blankToNull(typed.motivation()),
            languages.offers(typed.preferredLanguage()) ? typed.preferredLanguage() : "en",
            typed.consent()
                ? new ApplicationForm.Consent(true, shown.version(), METHOD, shown.language())
                : null);
    Map<String, FieldProblem> problems = new LinkedHashMap<>();
    for (ConstraintViolation<ApplicationForm> violation : validator.validate(application)) {
      String field = field(violation.getPropertyPath().toString());
      problems.putIfAbsent(field, problem(field, violation));
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(model, code, project, typed, problems, locale);
    }
    Optional<Duration> wait = limits.take(request.getRemoteAddr(), project.getId());
    if (wait.isPresent()) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
      model.addAttribute("refusal", "signup.tooMany");
      return show(model, code, project, typed, problems, locale);
    }
    Intake.Received received;
    try {
      received = intake.apply(project.getId(), application);
    } catch (ApiException refused) {
      if (refused.status() == HttpStatus.CONFLICT) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("refusal", "signup.full");
        return show(model, code, project, typed, problems, locale);
      }
      throw refused;
    }
    model.addAttribute("project", project);
    model.addAttribute("code", code);
    model.addAttribute("received", received.name());
    model.addAttribute("phone", typed.phone());
    return "apply/sent";
  }

  /** An applicant who gave only a phone number confirms with the code texted to it. */
  @PostMapping("/apply/{code}/confirmation")
  String confirm(
      @PathVariable String code,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String smsCode,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    Optional<Project> open = calls.openCall(code);
    if (open.isEmpty()) {
      return closed(response);
    }
    model.addAttribute("project", open.get());
    model.addAttribute("code", code);
    model.addAttribute("phone", phone == null ? "" : phone);
    model.addAttribute("received", Intake.Received.CODE_SENT.name());
    if (limits.take(request.getRemoteAddr(), open.get().getId()).isPresent()) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      model.addAttribute("codeProblem", "signup.tooMany");
      return "apply/sent";
    }
    if (phone == null
        || smsCode == null
        || !phone.matches("\\+?[0-9 ()-]{6,20}")
        || !smsCode.strip().matches("[0-9]{6}")) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("codeProblem", "signup.code.wrong");
      return "apply/sent";
    }
    switch (confirmation.confirmByCode(open.get().getId(), phone, smsCode.strip())) {
      case CONFIRMED -> model.addAttribute("received", "CONFIRMED");
      case WRONG -> {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("codeProblem", "signup.code.wrong");
      }
      case SPENT -> {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("codeProblem", "signup.code.spent");
      }
    }
    return "apply/sent";
  }

  private String show(
      Model model,
      String code,
      Project project,
      Typed typed,
      Map<String, FieldProblem> problems,
      Locale locale) {
    model.addAttribute("project", project);
    model.addAttribute("code", code);
    model.addAttribute("typed", typed);
    model.addAttribute("problems", problems);
    model.addAttribute("consent", consents.shown(locale.getLanguage()));
    model.addAttribute(
        "themes",
        project.themeLabels(project.getThemes(), locale.getLanguage()).stream()
            .map(SignUpPage::isolated)
            .toList());
    model.addAttribute("client", isolated(project.getClient().getName()));
    model.addAttribute("region", isolated(project.getRegion()));
    model.addAttribute("windowCloses", calls.callOf(project.getId()).windowCloses());
    return "apply/form";
  }

  /**
   * Text of another direction kept whole inside a sentence (Unicode first-strong isolate): a Dutch
   * name in an Arabic sentence keeps its parentheses where they belong.
   */
  static String isolated(String text) {
    return "\u2068" + text + "\u2069";
  }

  private static String closed(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "apply/closed";
  }

  private static String field(String path) {
    if (path.startsWith("languages")) {
      return "languages";
    }
    if (path.startsWith("consent") || path.equals("consent")) {
      return "consent";
    }
    return path.equals("contact") ? "email" : path;
  }

  private static FieldProblem problem(String field, ConstraintViolation<ApplicationForm> v) {
    String path = v.getPropertyPath().toString();
    return switch (field) {
      case "consent" -> new FieldProblem("signup.error.consent");
      case "email" ->
          path.equals("contact")
              ? new FieldProblem("signup.error.contact")
              : v.getConstraintDescriptor().getAnnotation()
                      instanceof jakarta.validation.constraints.Size size
                  ? new FieldProblem("signup.error.tooLong", size.max())
                  : new FieldProblem("signup.error.email");
      case "phone" -> new FieldProblem("signup.error.phone");
      default ->
          v.getConstraintDescriptor().getAnnotation()
                  instanceof jakarta.validation.constraints.Size size
              ? new FieldProblem(
                  field.equals("languages") && size.max() == 10
                      ? "signup.error.tooManyLanguages"
                      : "signup.error.tooLong",
                  size.max())
              : new FieldProblem("signup.error.required");
    };
  }

  private static String value(Map<String, String> form, String name) {
    String value = form.get(name);
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
