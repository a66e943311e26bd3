--[[
kamerbrief.lua: the letter parts that the HTML and Typst outputs share, for Quarto and for the in-repo
fallback renderer (src/mhcases/render.py) alike. Letter metadata comes from the `kamerbrief` key
(written by the build; see render.letter_metadata).

Div classes handled here:
  .kb-table      fallback cross-reference float: its `.kb-caption` becomes the caption of the first table
  .table-notes   small-type notes under a table (Typst: a block labelled <kb-table-notes>)
  .kb-signature  replaced by the signatory's title and name (appended at the end when absent); in Typst kept on
                 one page with the paragraph before it
  .kb-annex      the annex after the signature: a new page in the PDF
Document option `synthetic-captions: true` (front matter): with synthetic data (kamerbrief.synthetic) every table
and figure caption ends with "(synthetische gegevens)".
HTML only: the letter head, the addressee and reference block, the colophon and the synthetic-data marking.
(In Typst these come from the template, typst-template.typ.)
]]

-- Reader-facing labels of the HTML letter; keep in step with `labels` in typst-template.typ (a test checks).
local labels = {
  date = "Datum",
  subject = "Betreft",
  reference = "Ons kenmerk",
  annexes = "Bijlage(n)",
  visiting_address = "Bezoekadres",
  postal_address = "Postadres",
  contact = "Contact",
  renderer = "Opgemaakt met",
  colophon = "Colofon",
  marking = "SYNTHETISCHE GEGEVENS — geen echte rechtspraak",
  marking_note = "De cijfers uit het codeerblad zijn gefingeerd en zeggen niets over echte zaken.",
  caption_marking = "(synthetische gegevens)",
}

local is_typst = FORMAT:match("typst") ~= nil
local is_html = FORMAT:match("html") ~= nil

--[[ Output safety. Text from the inputs (config letter fields, file names, sheet text) reaches this filter as
literal text (mhcases.safety.markdown_literal). As a second line of defence the filter refuses, with a Dutch
message, what only markup injected through such text would bring: an image outside the document's folder or of
another type than a picture, a link to a script or a file, an event handler, a `style` that loads a URL, a
`typst:` attribute (raw Typst code), raw HTML/Typst (the fallback renderer's reader never makes any), and any
markup at all in the letter metadata. Under Quarto (global `quarto` set) Quarto's own attributes and raw blocks
pass; the checks on images, links, scripts and metadata hold on both paths. ]]
local strict = quarto == nil -- the in-repo fallback renderer: only what its own markdown makes is allowed
local image_types = { "svg", "png", "jpg", "jpeg", "gif", "webp", "pdf" }
local fallback_attributes = { "alt", "width", "height", "lang", "dir" } -- attributes the fallback's markdown uses
local url_attributes = { "src", "href", "data", "srcset", "srcdoc", "action", "formaction", "poster", "background",
  "xlink:href", "http-equiv", "content" }

local function refuse(what, element)
  local text = element and pandoc.utils.stringify(element) or ""
  if pandoc.text.len(text) > 60 then text = pandoc.text.sub(text, 1, 57) .. "..." end
  error("Onveilige opmaak in de brief: " .. what .. (text ~= "" and (" (bij «" .. text .. "»)") or "")
    .. ". Tekst uit de invoer (configuratie, bestandsnamen, codeerblad) hoort letterlijk in de brief te staan.", 0)
end

local function listed(list, value)
  for _, item in ipairs(list) do if item == value then return true end end
  return false
end

local function safe_target(target)
  local scheme = target:match("^%s*([%a][%w+.-]*):")
  return scheme == nil or listed({ "http", "https", "mailto" }, scheme:lower())
end

local function check_image(image)
  local src = image.src
  if src:match("^data:image/") then return end
  local extension = (src:match("%.([%w]+)$") or ""):lower()
  local parent = false
  for segment in src:gmatch("[^/\\]+") do parent = parent or segment == ".." end
  if src:match("^%a[%w+.-]*:") or src:match("^[/\\]") or parent or not listed(image_types, extension) then
    refuse("afbeelding '" .. src .. "' (alleen afbeeldingen uit de map van het document)", image)
  end
end

local function check_attributes(element)
  local attributes = element.attributes
  if attributes == nil then return end
  for key, value in pairs(attributes) do
    local name = key:lower()
    local lower = value:lower()
    local loads = lower:match("url%s*%(") or lower:match("@import") or lower:match("expression%s*%(")
    if name:match("^on") or listed(url_attributes, name) or (name == "style" and (strict or loads))
      or (name:match("^typst:") and (strict or value:match("[%(\"#]")))
      or (strict and not listed(fallback_attributes, name)) then
      refuse("attribuut " .. key .. "=\"" .. value .. "\" op " .. element.t, element)
    end
  end
end

local function check_raw(raw)
  local format = raw.format:lower()
  local text = raw.text:lower()
  if strict or format:match("html") and (text:match("<%s*script") or text:match("%son%a+%s*=")) then
    refuse("ruwe " .. raw.format .. "-code «" .. pandoc.text.sub(raw.text, 1, 60) .. "»")
  end
end

local guard = {
  Image = function(image) check_image(image); check_attributes(image) end,
  Link = function(link)
    if not safe_target(link.target) then refuse("link naar '" .. link.target .. "'", link) end
    check_attributes(link)
  end,
  Span = check_attributes, Div = check_attributes, Code = check_attributes, CodeBlock = check_attributes,
  Header = check_attributes, Table = check_attributes, Figure = check_attributes,
  RawInline = check_raw, RawBlock = check_raw,
}

--- The letter metadata is text: any markup in it (a span, link, image, raw code, emphasis) is refused.
local function check_metadata(value, key)
  local kind = pandoc.utils.type(value)
  if kind == "table" or kind == "List" then
    for name, item in pairs(value) do check_metadata(item, type(name) == "string" and name or key) end
  elseif kind == "Inlines" or kind == "Blocks" then
    local allowed = { "Str", "Space", "SoftBreak", "LineBreak", "Plain", "Para", "Quoted" }
    local function check(element)
      if not listed(allowed, element.t) then
        refuse("opmaak (" .. element.t .. ") in kamerbrief." .. tostring(key), element)
      end
    end
    pandoc[kind](value):walk { Inline = check, Block = check }
  end
end

--- Metadata value -> Inlines (or nil when absent or empty).
local function inlines(value)
  if value == nil then return nil end
  local kind = pandoc.utils.type(value)
  local result
  if kind == "Inlines" then
    result = value
  elseif kind == "Blocks" then
    result = pandoc.utils.blocks_to_inlines(value)
  else
    result = pandoc.Inlines(pandoc.utils.stringify(value))
  end
  if #result == 0 then return nil end
  return result
end

--- Metadata list (or single value) -> list of Inlines.
local function lines(value)
  local result = {}
  if value == nil then return result end
  local items = pandoc.utils.type(value) == "List" and value or { value }
  for _, item in ipairs(items) do
    local line = inlines(item)
    if line then table.insert(result, line) end
  end
  return result
end

local function plain_text(text, class)
  return pandoc.Span(pandoc.Inlines(text), { class = class })
end

--- A labelled group of lines (colophon, reference block).
local function field(label, values, class)
  if #values == 0 then return nil end
  local content = pandoc.Blocks {}
  if label then content:insert(pandoc.Plain { plain_text(label, "kb-label") }) end
  content:insert(pandoc.LineBlock(values))
  return pandoc.Div(content, { class = class or "kb-field" })
end

--- The blocks given, without the nils of empty fields (a Lua list with holes is not a list of blocks).
local function present(...)
  local result = pandoc.Blocks {}
  for i = 1, select("#", ...) do
    local block = select(i, ...)
    if block ~= nil then result:insert(block) end
  end
  return result
end

local function typst_wrapped(blocks, label)
  local result = pandoc.Blocks { pandoc.RawBlock("typst", "#block[") }
  result:extend(blocks)
  result:insert(pandoc.RawBlock("typst", "] <" .. label .. ">"))
  return result
end

--- The signature: title, then (after signing space) the name.
local function signature_blocks(letter)
  local blocks = pandoc.Blocks {}
  local title, name = inlines(letter.signatory_title), inlines(letter.signatory_name)
  if title then blocks:insert(pandoc.Para(title)) end
  if name then blocks:insert(pandoc.Para(name)) end
  if is_typst then return typst_wrapped(blocks, "kb-signature") end
  return pandoc.Blocks { pandoc.Div(blocks, { class = "kb-signature" }) }
end

--- .kb-table: move the caption paragraph into the first table, so that it becomes <caption> / figure caption.
local function move_caption(div)
  local caption, rest = nil, pandoc.Blocks {}
  for _, block in ipairs(div.content) do
    if caption == nil and block.t == "Div" and block.classes:includes("kb-caption") then
      caption = pandoc.utils.blocks_to_inlines(block.content)
    else
      rest:insert(block)
    end
  end
  if caption == nil then return div end
  local moved = false
  rest = rest:walk {
    Table = function(tbl)
      if moved then return nil end
      moved = true
      tbl.caption = { long = pandoc.Blocks { pandoc.Plain(caption) } }
      return tbl
    end,
  }
  if not moved then return div end
  div.content = rest
  return div
end

--- Synthetic data: every table and figure caption ends with labels.caption_marking.
--- Returns the marked caption, or nil when there is no caption text to mark.
local function marked_caption(caption)
  local long = caption and caption.long
  if long == nil or #long == 0 then return nil end
  local last = long[#long]
  if last.t ~= "Plain" and last.t ~= "Para" then return nil end
  local content = pandoc.Inlines(last.content)
  content:extend { pandoc.Space(), pandoc.Str(labels.caption_marking) }
  long[#long] = pandoc[last.t](content)
  caption.long = long
  return caption
end

local function mark_captions(blocks)
  local function mark(float)
    local caption = marked_caption(float.caption)
    if caption == nil then return nil end
    float.caption = caption
    return float
  end
  return blocks:walk { Table = mark, Figure = mark }
end

local function html_letter(doc, letter)
  local marking = nil
  if letter.synthetic then
    marking = pandoc.Div(
      { pandoc.Plain { pandoc.Strong(pandoc.Inlines(labels.marking)), pandoc.Space(), plain_text(labels.marking_note) } },
      { class = "kb-marking", role = "note" })
  end
  local head = pandoc.Div({ pandoc.Plain(inlines(letter.organisation) or pandoc.Inlines("")) },
    { class = "kb-letterhead", role = "banner" })

  local date = inlines(letter.date)
  local first_date = date
  if date and inlines(letter.place) then
    first_date = pandoc.Inlines {}
    first_date:extend(inlines(letter.place))
    first_date:extend { pandoc.Str(","), pandoc.Space() }
    first_date:extend(date)
  end
  local reference = pandoc.Div(present(
    field(labels.date, first_date and { first_date } or {}),
    field(labels.subject, lines(letter.subject))
  ), { class = "kb-reference" })
  local addressee = pandoc.Div({ pandoc.LineBlock(lines(letter.addressee)) }, { class = "kb-addressee" })

  local annexes = lines(letter.annexes)
  local colophon = pandoc.Div(present(
    field(nil, lines(letter.organisation), "kb-field kb-organisation"),
    field(nil, lines(letter.unit)),
    field(labels.visiting_address, lines(letter.visiting_address)),
    field(labels.postal_address, lines(letter.postal_address)),
    field(labels.contact, lines(letter.contact)),
    field(labels.reference, lines(letter.reference)),
    field(labels.annexes, #annexes > 0 and { pandoc.Inlines(tostring(#annexes)) } or {}),
    field(labels.renderer, lines(letter.renderer), "kb-field kb-renderer")
  ), pandoc.Attr("", { "kb-colophon" }, { { "role", "complementary" }, { "aria-label", labels.colophon } }))
  -- (attributes as an ordered list: a Lua table's key order varies from run to run, the HTML must not)

  local main = pandoc.Blocks { addressee, reference }
  main:extend(doc.blocks)
  local blocks = pandoc.Blocks {}
  if marking then blocks:insert(marking) end
  blocks:insert(head)
  blocks:insert(pandoc.Div({ pandoc.Div(main, { class = "kb-main", role = "main" }), colophon }, { class = "kb-sheet" }))
  doc.blocks = blocks
  return doc
end

--- Typst: the paragraph before the signature goes on the same page as the signature (never a lone signature).
local function keep_signature_with_text(blocks)
  for i, block in ipairs(blocks) do
    if i > 1 and block.t == "Div" and block.classes:includes("kb-signature") and blocks[i - 1].t == "Para" then
      local kept = pandoc.Div({ blocks[i - 1], block }, { class = "kb-keep" })
      local result = pandoc.Blocks {}
      for j = 1, i - 2 do result:insert(blocks[j]) end
      result:insert(kept)
      for j = i + 1, #blocks do result:insert(blocks[j]) end
      return result
    end
  end
  return blocks
end

function Pandoc(doc)
  local letter = doc.meta.kamerbrief or {}
  check_metadata(letter, "kamerbrief")
  doc.blocks:walk(guard)
  local signed = false
  if is_typst then doc.blocks = keep_signature_with_text(doc.blocks) end
  doc.blocks = doc.blocks:walk {
    Div = function(div)
      if div.classes:includes("kb-keep") then
        local blocks = pandoc.Blocks { pandoc.RawBlock("typst", "#block(breakable: false)[") }
        blocks:extend(div.content)
        blocks:insert(pandoc.RawBlock("typst", "]"))
        return blocks
      end
      if div.classes:includes("kb-table") then return move_caption(div) end
      if div.classes:includes("kb-signature") then
        signed = true
        return signature_blocks(letter)
      end
      if is_typst and div.classes:includes("table-notes") then return typst_wrapped(div.content, "kb-table-notes") end
      if is_typst and div.classes:includes("kb-annex") then
        local blocks = pandoc.Blocks { pandoc.RawBlock("typst", "#pagebreak(weak: true)") }
        blocks:extend(typst_wrapped(div.content, "kb-annex"))
        return blocks
      end
      return nil
    end,
  }
  if not signed then doc.blocks:extend(signature_blocks(letter)) end
  if letter.synthetic and doc.meta["synthetic-captions"] then doc.blocks = mark_captions(doc.blocks) end
  if is_html then return html_letter(doc, letter) end
  return doc
end
