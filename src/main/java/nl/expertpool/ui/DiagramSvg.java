package nl.expertpool.ui;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A process diagram as inline SVG, drawn on the server from the model's own layout (its BPMN
 * diagram interchange), with the active elements highlighted and their instance counts shown.
 */
@Component
class DiagramSvg {

  private static final int MARGIN = 20;

  /** The diagram of a deployed process, or empty when {@code bpmn/} has no such model. */
  Optional<String> render(String processId, Map<String, Long> activeByElement) {
    var resource = new ClassPathResource("bpmn/" + processId + ".bpmn");
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(draw(Bpmn.readModelFromStream(in), activeByElement));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String draw(BpmnModelInstance model, Map<String, Long> active) {
    var shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    // Containers first, so that what they contain is drawn on top of them.
    shapes.sort(
        (a, b) ->
            Boolean.compare(
                !(a.getBpmnElement() instanceof SubProcess),
                !(b.getBpmnElement() instanceof SubProcess)));
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (BpmnShape shape : shapes) {
      Bounds b = shape.getBounds();
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
    }
    var svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" role=\"img\" width=\"%.0f\""
                + " height=\"%.0f\" viewBox=\"%.0f %.0f %.0f %.0f\">",
            maxX - minX + 2 * MARGIN,
            maxY - minY + 2 * MARGIN,
            minX - MARGIN,
            minY - MARGIN,
            maxX - minX + 2 * MARGIN,
            maxY - minY + 2 * MARGIN));
    svg.append(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
            + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
            + " fill=\"#444\"/></marker></defs>");
    // Its styles are in app.css: the pages' policy allows no inline style element.
    for (BpmnShape shape : shapes) {
      drawShape(svg, shape, active);
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      List<String> points = new ArrayList<>();
      for (Waypoint point : edge.getWaypoints()) {
        points.add(String.format(Locale.ROOT, "%.0f,%.0f", point.getX(), point.getY()));
      }
      svg.append(
              "<polyline fill=\"none\" stroke=\"#444\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\" points=\"")
          .append(String.join(" ", points))
          .append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static void drawShape(StringBuilder svg, BpmnShape shape, Map<String, Long> active) {
    BaseElement element = shape.getBpmnElement();
    if (element == null) {
      return;
    }
    Bounds b = shape.getBounds();
    double x = b.getX();
    double y = b.getY();
    double w = b.getWidth();
    double h = b.getHeight();
    long count = active.getOrDefault(element.getId(), 0L);
    String cls = count > 0 ? "shape active" : "shape";
    String name =
        element instanceof FlowElement flow && flow.getName() != null ? flow.getName() : "";
    svg.append("<g data-element=\"").append(escape(element.getId())).append("\">");
    if (element instanceof SubProcess) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\"/>",
              count > 0 ? "container active" : "container",
              x,
              y,
              w,
              h));
      text(svg, name, x + 8, y + 16, false);
    } else if (element instanceof Event) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"%s\" cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\"/>",
              cls,
              x + w / 2,
              y + h / 2,
              w / 2));
      text(svg, name, x + w / 2, y + h + 14, true);
    } else if (element instanceof Gateway) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<polygon class=\"%s\" points=\"%.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f\"/>",
              cls,
              x + w / 2,
              y,
              x + w,
              y + h / 2,
              x + w / 2,
              y + h,
              x,
              y + h / 2));
      text(svg, name, x + w / 2, y - 6, true);
    } else {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"8\"/>",
              cls,
              x,
              y,
              w,
              h));
      List<String> lines = wrap(name, 16);
      double top = y + h / 2 - (lines.size() - 1) * 7;
      for (int i = 0; i < lines.size(); i++) {
        text(svg, lines.get(i), x + w / 2, top + i * 14 + 4, true);
      }
    }
    if (count > 0) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"badge\" cx=\"%.0f\" cy=\"%.0f\" r=\"10\"/><text class=\"badge-text\""
                  + " x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%d</text>",
              x + w,
              y,
              x + w,
              y + 4,
              count));
    }
    svg.append("</g>");
  }

  private static void text(StringBuilder svg, String text, double x, double y, boolean centred) {
    if (text.isBlank()) {
      return;
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%.0f\"%s>%s</text>",
            x,
            y,
            centred ? " text-anchor=\"middle\"" : "",
            escape(text)));
  }

  static List<String> wrap(String text, int width) {
    var lines = new ArrayList<String>();
    var line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (!line.isEmpty() && line.length() + word.length() + 1 > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
