package nl.expertpool.recruitment.web;

import java.util.UUID;
import nl.expertpool.recruitment.CallForExperts;
import nl.expertpool.recruitment.CallForExperts.CallState;
import nl.expertpool.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The call of a project, with the sign-up code staff hand out. */
@RestController
class RecruitmentController {

  private final CallForExperts call;

  RecruitmentController(CallForExperts call) {
    this.call = call;
  }

  @GetMapping("/api/projects/{id}/recruitment")
  CallState call(@PathVariable UUID id) {
    CallState call = this.call.callOf(id);
    if (call == null) {
      throw ApiException.notFound("Project " + id + " has no open call yet");
    }
    return call;
  }
}
