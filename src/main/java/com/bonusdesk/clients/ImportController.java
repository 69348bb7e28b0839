package com.bonusdesk.clients;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.bonusdesk.web.CsvImport;
import com.bonusdesk.web.Uploads;

/**
 * Finance and administrators import clients and orders from the ERP at {@code /admin/import}: upload,
 * review the preview, then import all rows or none.
 */
@Controller
@RequestMapping("/admin/import")
@RequiredArgsConstructor
class ImportController {

    private final OrderImport orderImport;

    @GetMapping
    String form(Model model) {
        model.addAttribute("columns", OrderImport.COLUMNS);
        return "clients/import";
    }

    @PostMapping("/preview")
    String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", OrderImport.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblem", "import.noFile");
            return "clients/import";
        }
        Optional<String> text = Uploads.utf8(file);
        if (text.isEmpty()) {
            model.addAttribute("fileProblem", "import.encoding");
            return "clients/import";
        }
        String csv = text.get();
        model.addAttribute("preview", orderImport.preview(csv));
        model.addAttribute("csv", csv);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "clients/import";
    }

    @PostMapping
    String importAll(@RequestParam(name = "csv", defaultValue = "") String csv, Principal principal, Model model,
            RedirectAttributes redirect) {
        CsvImport.Preview<OrderImport.Line> done = orderImport.importAll(csv, principal.getName());
        if (!done.importable()) {
            model.addAttribute("columns", OrderImport.COLUMNS);
            model.addAttribute("preview", done);
            model.addAttribute("csv", csv);
            return "clients/import";
        }
        long already = OrderImport.count(done, OrderImport.Outcome.ALREADY_IMPORTED);
        redirect.addFlashAttribute("success", "import.done");
        redirect.addFlashAttribute("successArgs", List.of(String.valueOf(done.lines().size()),
                String.valueOf(OrderImport.count(done, OrderImport.Outcome.NEW_CLIENT)),
                String.valueOf(done.lines().size() - already), String.valueOf(already)));
        return "redirect:/admin/import";
    }
}
