// Broadsheet reader enhancements. Everything here is optional: pages work without it.
/* global document, localStorage, navigator */
;(function () {
  'use strict'
  var doc = document

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll('a[href], button, input, textarea, select, [tabindex]'),
      function (el) {
        return !el.disabled && el.tabIndex >= 0 && el.offsetParent !== null
      },
    )
  }

  // Keep Tab and Shift+Tab inside `root`.
  function trapTab(root, event) {
    if (event.key !== 'Tab') return
    var items = focusables(root)
    if (items.length === 0) return
    var first = items[0]
    var last = items[items.length - 1]
    if (event.shiftKey && doc.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && doc.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  // ------------------------------------------------------------ Search overlay
  var overlay = doc.getElementById('search-overlay')
  if (overlay && typeof overlay.showModal === 'function') {
    var searchOpener = null
    var searchInput = overlay.querySelector('input[name="q"]')
    doc.querySelectorAll('[data-search-open]').forEach(function (opener) {
      opener.setAttribute('aria-haspopup', 'dialog')
      opener.addEventListener('click', function (event) {
        event.preventDefault()
        searchOpener = opener
        overlay.showModal()
        if (searchInput) searchInput.focus()
      })
    })
    overlay.querySelector('[data-search-close]').addEventListener('click', function () {
      overlay.close()
    })
    overlay.addEventListener('keydown', function (event) {
      trapTab(overlay, event)
    })
    overlay.addEventListener('close', function () {
      if (searchInput) searchInput.value = ''
      if (searchOpener) searchOpener.focus()
    })
  }

  // ------------------------------------------------------------ Off-canvas menu
  var panel = doc.getElementById('offcanvas')
  var toggle = doc.querySelector('[data-menu-open]')
  if (panel && toggle) {
    toggle.hidden = false
    var closeButton = panel.querySelector('[data-menu-close]')
    var openMenu = function () {
      panel.hidden = false
      toggle.setAttribute('aria-expanded', 'true')
      doc.body.style.overflow = 'hidden'
      closeButton.focus()
    }
    var closeMenu = function () {
      panel.hidden = true
      toggle.setAttribute('aria-expanded', 'false')
      doc.body.style.overflow = ''
      toggle.focus()
    }
    toggle.addEventListener('click', openMenu)
    closeButton.addEventListener('click', closeMenu)
    panel.addEventListener('click', function (event) {
      if (event.target === panel) closeMenu()
    })
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') closeMenu()
      else trapTab(panel, event)
    })
  }

  // ------------------------------------------------------------ Comment replies
  var respond = doc.getElementById('respond')
  var home = doc.getElementById('respond-home')
  if (respond && home) {
    var parentInput = respond.querySelector('[data-comment-parent]')
    var title = doc.getElementById('reply-title')
    var cancel = doc.getElementById('cancel-reply')
    var setReplying = function (id) {
      if (parentInput) parentInput.value = id || ''
      if (title) title.textContent = id ? title.dataset.replyText : title.dataset.addText
      if (cancel) cancel.hidden = !id
    }
    doc.querySelectorAll('[data-reply-to]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var item = doc.getElementById('comment-' + link.dataset.replyTo)
        var slot = item && item.querySelector('.reply-slot')
        if (!slot) return
        event.preventDefault()
        slot.appendChild(respond)
        setReplying(link.dataset.replyTo)
        var field = respond.querySelector('textarea')
        if (field) field.focus()
      })
    })
    if (cancel) {
      cancel.addEventListener('click', function (event) {
        event.preventDefault()
        home.appendChild(respond)
        setReplying('')
        var field = respond.querySelector('textarea')
        if (field) field.focus()
      })
    }

    // Remember the reader's name and email in this browser only (pages stay cacheable).
    var form = respond.querySelector('form')
    var keys = ['name', 'email', 'url']
    try {
      var saved = JSON.parse(localStorage.getItem('broadsheet.commenter') || '{}')
      keys.forEach(function (key) {
        var input = form && form.elements.namedItem(key)
        if (input && saved[key] && !input.value) input.value = saved[key]
      })
      if (form)
        form.addEventListener('submit', function () {
          var data = {}
          keys.forEach(function (key) {
            var input = form.elements.namedItem(key)
            if (input) data[key] = input.value
          })
          localStorage.setItem('broadsheet.commenter', JSON.stringify(data))
        })
    } catch {
      // Storage may be disabled; the form works without it.
    }
  }

  // ------------------------------------------------------------ Native share
  // The Share… button beside the share links appears only where the Web Share API exists.
  if (typeof navigator !== 'undefined' && typeof navigator.share === 'function') {
    doc.querySelectorAll('[data-share-native]').forEach(function (item) {
      var button = item.querySelector('button')
      if (!button) return
      item.hidden = false
      button.addEventListener('click', function () {
        navigator
          .share({ title: button.dataset.title, url: button.dataset.url })
          .catch(function () {
            // The reader closed the share sheet: nothing to do.
          })
      })
    })
  }
})()
