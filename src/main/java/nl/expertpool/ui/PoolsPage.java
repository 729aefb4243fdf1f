package nl.expertpool.ui;

import java.util.UUID;
import nl.expertpool.pools.PoolMembership;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The standing pools and each one's roster, for project managers and staff only: who may be invited
 * to the pool's next projects, with their languages, projects, certification and hours.
 */
@Controller
class PoolsPage {

  private final PoolRegistry pools;
  private final PoolMembership membership;

  PoolsPage(PoolRegistry pools, PoolMembership membership) {
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
    return "pools/roster";
  }
}
