package nl.expertpool.ui;

import java.util.List;
import java.util.UUID;
import nl.expertpool.pools.Invitations;
import nl.expertpool.pools.PoolMembership;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The standing pools and each one's roster, for project managers and staff only: who may be invited
 * to the pool's next projects, with their languages, projects, certification and hours.
 */
@Controller
class PoolsPage {

  private final PoolRegistry pools;
  private final PoolMembership membership;
  private final Invitations invitations;

  PoolsPage(PoolRegistry pools, PoolMembership membership, Invitations invitations) {
    this.invitations = invitations;
    this.pools = pools;
    this.membership = membership;
  }

  @GetMapping("/pools")
  String pools(Model model) {
    model.addAttribute("pools", pools.all());
    return "pools/index";
  }

  @GetMapping("/pools/{id}")
  String roster(@PathVariable UUID id, Model model) {
    var pool = pools.find(id).orElseThrow(() -> ApiException.notFound("No standing pool " + id));
    model.addAttribute("pool", pool);
    model.addAttribute("roster", membership.roster(id));
    var recruiting = invitations.recruitingProjects(id);
    model.addAttribute("recruiting", recruiting);
    var sent = new java.util.LinkedHashMap<nl.expertpool.project.Project, List<Invitations.Sent>>();
    recruiting.forEach(p -> sent.put(p, invitations.ofProject(p.getId())));
    model.addAttribute("sent", sent);
    return "pools/roster";
  }

  /**
   * A manager or staff member invites the ticked members to one of the pool's projects that recruit
   * now; each gets their own link.
   */
  @PostMapping("/pools/{id}/invitations")
  String invite(
      @PathVariable UUID id,
      @RequestParam UUID projectId,
      @RequestParam(name = "memberIds", required = false) List<UUID> memberIds) {
    if (memberIds == null || memberIds.isEmpty()) {
      return "redirect:/pools/" + id + "?noneTicked#invite";
    }
    if (invitations.recruitingProjects(id).stream().noneMatch(p -> p.getId().equals(projectId))) {
      throw ApiException.invalid("projectId", "is not a project of this pool that recruits now");
    }
    invitations.invite(projectId, memberIds, CurrentUser.get().name());
    return "redirect:/pools/" + id + "#invitations-" + projectId;
  }
}
