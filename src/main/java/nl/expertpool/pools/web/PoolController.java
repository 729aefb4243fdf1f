package nl.expertpool.pools.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.expertpool.pools.NewPool;
import nl.expertpool.pools.PoolRegistry;
import nl.expertpool.pools.StandingPool;
import nl.expertpool.security.CurrentUser;
import nl.expertpool.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Standing pools: project managers start them; managers and staff see them. */
@RestController
@RequestMapping("/api/pools")
class PoolController {

  private final PoolRegistry pools;

  PoolController(PoolRegistry pools) {
    this.pools = pools;
  }

  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PoolView> create(@Valid @RequestBody NewPool pool) {
    var created = pools.create(pool, CurrentUser.get().name());
    return ResponseEntity.created(URI.create("/api/pools/" + created.getId())).body(view(created));
  }

  @GetMapping
  List<PoolView> list() {
    return pools.all().stream().map(PoolController::view).toList();
  }

  @GetMapping("/{id}")
  PoolView get(@PathVariable UUID id) {
    return pools
        .find(id)
        .map(PoolController::view)
        .orElseThrow(() -> ApiException.notFound("No standing pool " + id));
  }

  private static PoolView view(StandingPool pool) {
    return new PoolView(
        pool.getId(),
        pool.getName(),
        pool.getRegion(),
        pool.getCertificationMonths(),
        pool.getMembershipMonths(),
        pool.getCreatedAt());
  }
}
