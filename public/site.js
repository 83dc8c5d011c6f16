// Broadsheet reader enhancements. Everything here is optional: pages work without it.
/* global document, window, Event, DOMMatrixReadOnly, localStorage, navigator, fetch, setTimeout, clearTimeout */
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
  // The header's search button replaces its no-JS fallback link. One Esc closes the overlay,
  // even with text typed (a search field's own Esc would only clear the text first).
  var overlay = doc.getElementById('search-overlay')
  if (overlay && typeof overlay.showModal === 'function') {
    var searchOpener = null
    var searchInput = overlay.querySelector('input[name="q"]')
    doc.querySelectorAll('[data-search-fallback]').forEach(function (link) {
      link.hidden = true
    })
    doc.querySelectorAll('[data-search-open]').forEach(function (opener) {
      opener.hidden = false
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
      if (event.key === 'Escape') {
        event.preventDefault()
        overlay.close()
      } else trapTab(overlay, event)
    })
    overlay.addEventListener('cancel', function (event) {
      event.preventDefault()
      overlay.close()
    })
    overlay.addEventListener('close', function () {
      if (searchInput) searchInput.value = ''
      if (searchInput) searchInput.dispatchEvent(new Event('input'))
      if (searchOpener) searchOpener.focus()
    })
  }

  // ------------------------------------------------------------ Trending ticker
  // Without JS the list scrolls sideways. Here a copy of the items follows the list and a CSS
  // animation moves both (on the compositor: no work on the main thread per frame). It pauses
  // while pointed at or focused (CSS) and with its pause button, and previous/next line up a
  // headline by restarting the animation from there. Under prefers-reduced-motion the
  // animation is off and the buttons move the list instead.
  var ticker = doc.querySelector('[data-ticker]')
  var viewport = ticker && ticker.querySelector('[data-ticker-viewport]')
  var track = viewport && viewport.querySelector('ul')
  if (ticker && viewport && track && track.children.length > 1) {
    var originals = Array.prototype.slice.call(track.children)
    originals.forEach(function (item) {
      var copy = item.cloneNode(true)
      copy.setAttribute('aria-hidden', 'true')
      copy.querySelectorAll('a').forEach(function (a) {
        a.tabIndex = -1
      })
      track.appendChild(copy)
    })
    var controls = ticker.querySelector('[data-ticker-controls]')
    var pauseButton = ticker.querySelector('[data-ticker-pause]')
    // The copies make the list exactly twice as long, so the animation runs to -50%. Its
    // duration comes from the headlines' length (about 40 px a second), read without layout.
    var characters = originals.reduce(function (sum, item) {
      return sum + item.textContent.length + 6
    }, 0)
    var duration = Math.max(20, characters * 0.2)
    track.style.animationDuration = duration + 's'
    var offset = function () {
      var transform = window.getComputedStyle(track).transform
      var matrix = transform && transform !== 'none' ? new DOMMatrixReadOnly(transform) : null
      return matrix ? -matrix.m41 : 0
    }
    var moveTo = function (position) {
      var width = track.scrollWidth / 2
      track.style.transform = 'translateX(' + -position + 'px)'
      track.style.animationDelay = -(position / width) * duration + 's'
      // Restart the animation from the new position.
      track.style.animationName = 'none'
      void track.offsetWidth
      track.style.animationName = ''
    }
    var step = function (direction) {
      var position = offset()
      var starts = originals.map(function (item) {
        return item.offsetLeft - originals[0].offsetLeft
      })
      var later = starts.filter(function (start) {
        return start > position + 1
      })
      var earlier = starts.filter(function (start) {
        return start < position - 1
      })
      if (direction > 0) moveTo(later.length ? later[0] : 0)
      else moveTo(earlier.length ? earlier[earlier.length - 1] : starts[starts.length - 1])
    }
    ticker.classList.add('is-ticking')
    if (controls) controls.hidden = false
    ticker.querySelector('[data-ticker-prev]').addEventListener('click', function () {
      step(-1)
    })
    ticker.querySelector('[data-ticker-next]').addEventListener('click', function () {
      step(1)
    })
    if (pauseButton)
      pauseButton.addEventListener('click', function () {
        var paused = ticker.classList.toggle('is-paused')
        pauseButton.setAttribute('aria-pressed', paused ? 'true' : 'false')
        var label = pauseButton.querySelector('.sr-only')
        if (label) label.textContent = paused ? 'Play the ticker' : 'Pause the ticker'
      })
    // Focus may scroll the clipped list to show a link; put it back when focus leaves.
    ticker.addEventListener('focusout', function () {
      viewport.scrollLeft = 0
    })
    ticker.setAttribute('data-ticker-ready', '')
  }

  // ------------------------------------------------------------ Off-canvas menu
  var panel = doc.getElementById('offcanvas')
  var toggle = doc.querySelector('[data-menu-open]')
  if (panel && toggle) {
    toggle.hidden = false
    doc.querySelectorAll('[data-menu-fallback]').forEach(function (link) {
      link.hidden = true
    })
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

  // ------------------------------------------------------------ Search suggestions
  // The overlay's input becomes a combobox (listbox pattern): as you type, up to five headlines;
  // arrows move, Enter opens one. Without JS, or with nothing chosen, Enter submits the search.
  var suggestInput = doc.getElementById('search-overlay-q')
  if (suggestInput && typeof fetch === 'function') {
    var list = doc.createElement('ul')
    var timer = null
    var active = -1
    list.id = 'search-suggestions'
    list.className = 'search-suggestions'
    list.setAttribute('role', 'listbox')
    list.setAttribute('aria-label', 'Suggested stories')
    list.hidden = true
    suggestInput.form.appendChild(list)
    suggestInput.setAttribute('role', 'combobox')
    suggestInput.setAttribute('aria-autocomplete', 'list')
    suggestInput.setAttribute('aria-controls', list.id)
    suggestInput.setAttribute('aria-expanded', 'false')
    var options = function () {
      return list.querySelectorAll('[role="option"]')
    }
    var highlight = function (index) {
      var items = options()
      active = index
      items.forEach(function (item, i) {
        item.setAttribute('aria-selected', i === index ? 'true' : 'false')
      })
      if (items[index]) suggestInput.setAttribute('aria-activedescendant', items[index].id)
      else suggestInput.removeAttribute('aria-activedescendant')
    }
    var show = function (items) {
      list.textContent = ''
      items.forEach(function (item, i) {
        var li = doc.createElement('li')
        var a = doc.createElement('a')
        li.id = 'search-suggestion-' + i
        li.setAttribute('role', 'option')
        a.href = item.url
        a.textContent = item.title
        a.tabIndex = -1
        li.appendChild(a)
        list.appendChild(li)
      })
      list.hidden = items.length === 0
      suggestInput.setAttribute('aria-expanded', items.length ? 'true' : 'false')
      highlight(-1)
    }
    suggestInput.addEventListener('input', function () {
      clearTimeout(timer)
      var q = suggestInput.value.trim()
      if (q.length < 2) return show([])
      timer = setTimeout(function () {
        fetch('/search/suggest?q=' + encodeURIComponent(q))
          .then(function (response) {
            return response.ok ? response.json() : { items: [] }
          })
          .then(function (data) {
            if (suggestInput.value.trim() === q) show(data.items || [])
          })
          .catch(function () {
            show([])
          })
      }, 200)
    })
    suggestInput.addEventListener('keydown', function (event) {
      var count = options().length
      if (!count) return
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        // Cycle through the options and back to the input (-1).
        var next = active + (event.key === 'ArrowDown' ? 1 : -1)
        highlight(next >= count ? -1 : next < -1 ? count - 1 : next)
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault()
        doc.location.href = options()[active].firstChild.href
      }
    })
  }

  // ------------------------------------------------------------ Embeds
  // Stories keep YouTube, X and Instagram embeds as link cards: nothing loads from the provider
  // (no cookies, no tracking) until the reader presses the button, which swaps in its player.
  var EMBEDS = {
    youtube: { label: 'Load the video', title: 'YouTube video', company: 'YouTube (Google)' },
    x: { label: 'Show the post', title: 'Post on X', company: 'X' },
    instagram: { label: 'Show the post', title: 'Instagram post', company: 'Instagram (Meta)' },
  }

  // Seconds from a YouTube `t` parameter: "90", "90s" or "1h2m3s".
  function youtubeStart(t) {
    if (!t) return 0
    if (/^\d+s?$/.test(t)) return parseInt(t, 10)
    var m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t)
    if (!m) return 0
    return (
      parseInt(m[1] || '0', 10) * 3600 + parseInt(m[2] || '0', 10) * 60 + parseInt(m[3] || '0', 10)
    )
  }

  // The provider's player address for a link, or '' when the link is not one we can play.
  function embedSrc(provider, href) {
    var url
    try {
      url = new URL(href)
    } catch {
      return ''
    }
    var host = url.hostname.replace(/^(www|m|mobile)\./, '')
    var parts = url.pathname.split('/').filter(Boolean)
    if (provider === 'youtube') {
      var id = ''
      if (host === 'youtu.be') id = parts[0] || ''
      else if (host === 'youtube.com' && parts[0] === 'watch') id = url.searchParams.get('v') || ''
      else if (host === 'youtube.com' && /^(shorts|embed|live)$/.test(parts[0] || ''))
        id = parts[1] || ''
      if (!/^[\w-]{11}$/.test(id)) return ''
      var start = youtubeStart(url.searchParams.get('t') || url.searchParams.get('start'))
      return (
        'https://www.youtube-nocookie.com/embed/' +
        id +
        '?autoplay=1&rel=0' +
        (start ? '&start=' + start : '')
      )
    }
    if (provider === 'x' && (host === 'x.com' || host === 'twitter.com')) {
      var status = parts.indexOf('status')
      var tweet = status >= 0 ? parts[status + 1] || '' : ''
      return /^\d{1,25}$/.test(tweet)
        ? 'https://platform.twitter.com/embed/Tweet.html?dnt=true&id=' + tweet
        : ''
    }
    if (provider === 'instagram' && host === 'instagram.com') {
      var kind = parts[0] === 'reels' ? 'reel' : parts[0]
      return /^(p|reel|tv)$/.test(kind || '') && /^[\w-]{5,40}$/.test(parts[1] || '')
        ? 'https://www.instagram.com/' + kind + '/' + parts[1] + '/embed/'
        : ''
    }
    return ''
  }

  doc.querySelectorAll('figure.embed[data-embed]').forEach(function (figure) {
    var provider = figure.getAttribute('data-embed')
    var info = EMBEDS[provider]
    var link = figure.querySelector('a[href]')
    var src = info && link ? embedSrc(provider, figure.getAttribute('data-url') || link.href) : ''
    if (!src) return
    var consent = doc.createElement('div')
    var note = doc.createElement('p')
    var button = doc.createElement('button')
    consent.className = 'embed-consent'
    note.textContent =
      'Loading it connects to ' + info.company + ', which may set cookies and see your address.'
    button.type = 'button'
    button.className = 'button'
    button.textContent = info.label
    consent.appendChild(note)
    consent.appendChild(button)
    figure.appendChild(consent)
    button.addEventListener('click', function () {
      var frame = doc.createElement('iframe')
      frame.className = 'embed-frame'
      frame.src = src
      frame.title = info.title
      frame.setAttribute('data-provider', provider)
      frame.setAttribute('allow', 'autoplay; encrypted-media; fullscreen; picture-in-picture')
      frame.setAttribute('allowfullscreen', '')
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin')
      figure.replaceChild(frame, consent)
      figure.insertBefore(frame, link)
      figure.classList.add('is-loaded')
      frame.focus()
    })
  })

  // ------------------------------------------------------------ Reading beacon
  // One cookie-less request per article view, unless the reader asked not to be tracked.
  var story = doc.querySelector('[data-article-id]')
  var nav = typeof navigator === 'undefined' ? null : navigator
  if (
    story &&
    nav &&
    typeof nav.sendBeacon === 'function' &&
    nav.doNotTrack !== '1' &&
    !nav.globalPrivacyControl
  ) {
    nav.sendBeacon('/api/views/' + story.getAttribute('data-article-id'))
  }

  // ------------------------------------------------------------ Fresh form stamps
  // Cached pages carry the stamp of when they were rendered; the minimum-fill-time check wants
  // the time this reader opened the form, so fetch a fresh one when a form is first touched.
  doc.querySelectorAll('form input[name="stamp"]').forEach(function (input) {
    var form = input.form
    if (!form || typeof fetch !== 'function') return
    var refresh = function () {
      form.removeEventListener('focusin', refresh)
      fetch('/api/form-stamp', { credentials: 'omit' })
        .then(function (response) {
          return response.ok ? response.json() : null
        })
        .then(function (data) {
          if (data && data.stamp) input.value = data.stamp
        })
        .catch(function () {
          // Keep the page's stamp.
        })
    }
    form.addEventListener('focusin', refresh)
  })

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

  // ------------------------------------------------------------ Prefetch
  // The front page's lead story, a moment after this page has loaded and the browser is idle,
  // so it never competes with the page itself (on a fast line `load` can come before the first
  // paint).
  var prefetch = doc.querySelector('[data-prefetch]')
  if (prefetch) {
    var addPrefetch = function () {
      var link = doc.createElement('link')
      link.rel = 'prefetch'
      link.href = prefetch.getAttribute('data-prefetch')
      doc.head.appendChild(link)
    }
    var whenIdle = function () {
      setTimeout(function () {
        if (typeof window.requestIdleCallback === 'function')
          window.requestIdleCallback(addPrefetch, { timeout: 2000 })
        else addPrefetch()
      }, 1000)
    }
    if (doc.readyState === 'complete') whenIdle()
    else window.addEventListener('load', whenIdle)
  }
})()
