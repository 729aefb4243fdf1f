/**
 * Insight synthesis: the recorded interviews aggregated by theme (how many raise it, the needs
 * named most, representative quotes linked to their interviews, suggested solutions), the synthesis
 * document staff review, and the counts clients may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package nl.expertpool.insight;
