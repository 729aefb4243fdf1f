package nl.expertpool.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.expertpool.followup.AgendaFollowUp;
import nl.expertpool.followup.AgendaFollowUp.Request;
import nl.expertpool.followup.AgendaFollowUp.State;
import nl.expertpool.web.ApiException;
import nl.expertpool.web.LinkPageLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an action's owner reports its status during the agenda's year, with the link of their
 * status request and no account: not started, under way, done or dropped, and a note. The link
 * serves that one request; a used, replaced or expired one gets a page that says so.
 */
@Controller
class AgendaStatusPage {

  private final AgendaFollowUp followUp;
  private final LinkPageLimiter limiter;

  AgendaStatusPage(AgendaFollowUp followUp, LinkPageLimiter limiter) {
    this.followUp = followUp;
    this.limiter = limiter;
  }

  @GetMapping(AgendaFollowUp.PATH + "{token}")
  String ask(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (tooMany(request, response, model)) {
      return "followup/status";
    }
    return show(followUp.request(token), token, Map.of(), "", "", response, model);
  }

  @PostMapping(AgendaFollowUp.PATH + "{token}")
  String report(
      @PathVariable String token,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String note,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (tooMany(request, response, model)) {
      return "followup/status";
    }
    try {
      Request answered = followUp.report(token, status, note);
      model.addAttribute("thanks", answered.state() == State.ANSWERED);
      return show(answered, token, Map.of(), "", "", response, model);
    } catch (ApiException refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> problems = new java.util.LinkedHashMap<>();
      refused
          .violations()
          .forEach(
              v ->
                  problems.put(
                      v.field(),
                      "note".equals(v.field()) ? "followup.error.note" : "followup.error.status"));
      return show(
          followUp.request(token),
          token,
          problems,
          status == null ? "" : status,
          note == null ? "" : note,
          response,
          model);
    }
  }

  private String show(
      Request request,
      String token,
      Map<String, String> problems,
      String status,
      String note,
      HttpServletResponse response,
      Model model) {
    if (request.state() == State.EXPIRED || request.state() == State.UNKNOWN) {
      response.setStatus(HttpStatus.GONE.value());
    }
    model.addAttribute("request", request);
    model.addAttribute("token", token);
    model.addAttribute("statuses", AgendaFollowUp.Status.values());
    model.addAttribute("problems", problems);
    model.addAttribute("typedStatus", status);
    model.addAttribute("typedNote", note);
    model.addAttribute("refusal", null);
    return "followup/status";
  }

  private boolean tooMany(HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!limiter.refused(request, response)) {
      return false;
    }
    model.addAttribute("request", null);
    model.addAttribute("refusal", "followup.tooMany");
    return true;
  }
}
