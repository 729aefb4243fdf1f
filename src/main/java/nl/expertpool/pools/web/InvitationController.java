package nl.expertpool.pools.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.expertpool.pools.Invitations;
import nl.expertpool.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members of a standing pool invited to a new project of the pool, during its recruitment: the
 * project's managers and staff send them and see how each was answered.
 */
@RestController
class InvitationController {

  private final Invitations invitations;

  InvitationController(Invitations invitations) {
    this.invitations = invitations;
  }

  /** Whom to invite: members of the project's standing pool, by member id. */
  record Invite(@NotEmpty @Size(max = 200) List<UUID> memberIds) {}

  @PostMapping("/api/projects/{id}/pool-invitations")
  ResponseEntity<List<Invitations.Sent>> invite(
      @PathVariable("id") UUID projectId, @Valid @RequestBody Invite invite) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(invitations.invite(projectId, invite.memberIds(), CurrentUser.get().name()));
  }

  @GetMapping("/api/projects/{id}/pool-invitations")
  List<Invitations.Sent> sent(@PathVariable("id") UUID projectId) {
    return invitations.ofProject(projectId);
  }
}
