package nl.expertpool.pools.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.expertpool.pools.GivenConsent;
import nl.expertpool.pools.PoolMembership;
import nl.expertpool.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Membership of a standing pool: staff record an expert's consent to be invited again (given on
 * paper or in person), the roster, and a member leaving.
 */
@RestController
class MembershipController {

  private final PoolMembership membership;

  MembershipController(PoolMembership membership) {
    this.membership = membership;
  }

  @PostMapping(
      value = "/api/projects/{id}/experts/{expertId}/pool-consent",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, UUID>> join(
      @PathVariable("id") UUID projectId,
      @PathVariable UUID expertId,
      @Valid @RequestBody GivenConsent consent) {
    UUID member = membership.join(projectId, expertId, consent, CurrentUser.get().name());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("memberId", member));
  }

  @GetMapping("/api/pools/{id}/roster")
  List<PoolMembership.RosterEntry> roster(@PathVariable("id") UUID poolId) {
    return membership.roster(poolId);
  }

  @DeleteMapping("/api/pools/{id}/members/{memberId}")
  ResponseEntity<Void> leave(@PathVariable("id") UUID poolId, @PathVariable UUID memberId) {
    membership.leave(poolId, memberId, CurrentUser.get().name());
    return ResponseEntity.noContent().build();
  }
}
