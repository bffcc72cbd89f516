/* The school's desk: renders the page the address names, talks only to the desk's JSON API (same origin, the CSP
   allows nothing else) and saves a field as soon as it changes, with the value the editor saw (compare-and-set). */
(function () {
  'use strict';

  var DESK = document.body.getAttribute('data-desk');
  var API = DESK + 'api/';
  var REALM_PATH = DESK.replace(/school-desk\/$/, '');
  var FIELDS = {
    LAST_NAME: 'Фамилия', FIRST_NAME: 'Имя', MIDDLE_NAME: 'Отчество', BIRTH_DATE: 'Дата рождения',
    SNILS: 'СНИЛС', PHONES: 'Телефон', EMAILS: 'E-mail'
  };
  var GROUPS = {
    contacts: { title: 'Телефон и e-mail', fields: ['PHONES', 'EMAILS'] },
    documents: { title: 'СНИЛС и дата рождения', fields: ['SNILS', 'BIRTH_DATE'] },
    names: { title: 'ФИО', fields: ['LAST_NAME', 'FIRST_NAME', 'MIDDLE_NAME'] },
    all: { title: 'Все поля', fields: ['LAST_NAME', 'FIRST_NAME', 'MIDDLE_NAME', 'BIRTH_DATE', 'SNILS', 'PHONES', 'EMAILS'] }
  };
  var KINDS = { student: 'Ученик', mother: 'Мать', father: 'Отец' };
  var RELATIONS = { CLASS: 'класс', PARENT_OF: 'родитель для', KINSHIP: 'кем приходится', POSITION: 'должность' };
  var ROLES = { STUDENT: 'ученик', PARENT: 'родитель', STAFF: 'сотрудник' };
  var STATUSES = { NEW: 'новое', LINKED: 'выполнено: привязано', REJECTED: 'отклонено' };

  // --- small DOM helpers -------------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) { return; }
        if (key === 'text') { node.textContent = value; } else if (key === 'on') {
          Object.keys(value).forEach(function (type) { node.addEventListener(type, value[type]); });
        } else { node.setAttribute(key, value === true ? '' : value); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  var uid = 0;
  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }
  function title(text) { document.getElementById('title').textContent = text; document.title = text + ' — электронный журнал'; }
  function content() { return clear(document.getElementById('content')); }
  function date(iso) { if (!iso) { return ''; } var d = new Date(iso); return d.toLocaleString('ru-RU'); }

  // --- the API -------------------------------------------------------------------------------------------------
  function api(method, path, body, raw) {
    var headers = { 'X-School-Desk': '1', 'Accept': 'application/json' };
    var payload = body;
    if (body !== undefined && !raw) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
    return fetch(API + path, { method: method, headers: headers, body: payload, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) {
          location.assign(DESK + 'login?return=' + encodeURIComponent(currentPage()));
          return new Promise(function () {});
        }
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { status: response.status, ok: response.ok, body: json };
        });
      });
  }
  function currentPage() { return location.pathname.substring(location.pathname.indexOf(DESK) + DESK.length); }
  function failText(result) {
    if (!result) { return 'Нет связи с сервером. Проверьте подключение и повторите.'; }
    return (result.body && result.body.message) || ('Ошибка ' + result.status);
  }

  // --- client-side checks, the same rules the registry applies (the server decides) -----------------------
  var CHECKS = {
    SNILS: function (value) {
      if (/[^0-9 \-\u00a0]/.test(value)) { return 'snils'; }
      var d = value.replace(/\D/g, '');
      if (d.length !== 11) { return 'snils'; }
      var number = parseInt(d.substring(0, 9), 10);
      if (number === 0) { return 'snils'; }
      if (number <= 1001998) { return null; }
      var sum = 0;
      for (var i = 0; i < 9; i++) { sum += (d.charCodeAt(i) - 48) * (9 - i); }
      var expected = sum < 100 ? sum : (sum === 100 || sum === 101 ? 0 : sum % 101);
      if (expected === 100) { expected = 0; }
      return parseInt(d.substring(9), 10) === expected ? null : 'snils_check_digit';
    },
    PHONES: function (value) {
      var parts = value.split(',');
      for (var i = 0; i < parts.length; i++) {
        var p = parts[i].trim();
        if (!p) { continue; }
        if (/[^0-9+ \-().\u00a0\u2011\u2012\u2013]/.test(p) || p.indexOf('+') > 0) { return 'phone'; }
        var plus = p.charAt(0) === '+';
        var d = p.replace(/\D/g, '');
        var ok = (d.length === 11 && d.charAt(0) === '7') || (d.length === 11 && d.charAt(0) === '8' && !plus)
          || (d.length === 10 && !plus && '078'.indexOf(d.charAt(0)) < 0);
        if (!ok) { return 'phone'; }
      }
      return null;
    },
    EMAILS: function (value) {
      var parts = value.split(',');
      for (var i = 0; i < parts.length; i++) {
        var e = parts[i].trim();
        if (!e) { continue; }
        var at = e.indexOf('@');
        if (at <= 0 || at !== e.lastIndexOf('@') || at === e.length - 1 || /\s/.test(e)) { return 'email'; }
      }
      return null;
    },
    BIRTH_DATE: function (value) {
      var m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) || /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) { return 'birth_date'; }
      return null;
    }
  };
  var REASONS = {
    snils: 'СНИЛС: 11 цифр, например 123-456-789 64',
    snils_check_digit: 'СНИЛС с неверным контрольным числом: проверьте цифры',
    phone: 'Телефон: мобильный номер из 10 цифр, например +7 901 111-11-11',
    email: 'Адрес электронной почты указан неверно, например primer123@mail.ru',
    birth_date: 'Дата рождения: дд.мм.гггг'
  };
  function check(field, value) {
    var v = value.trim();
    if (!v || !CHECKS[field]) { return null; }
    return CHECKS[field](v);
  }

  // --- navigation ----------------------------------------------------------------------------------------------
  function renderNav(me) {
    var nav = clear(document.getElementById('nav'));
    var here = currentPage();
    function link(href, text, current) {
      nav.appendChild(el('a', { href: DESK + href, text: text, 'aria-current': current ? 'page' : null }));
    }
    link('', 'Классы', here === '' || here.indexOf('classes/') === 0);
    if (me.inbox) { link('requests', 'Обращения', here === 'requests'); }
    if (me.regionRequests) { link('region', 'Обращения без организации', here === 'region'); }
    if (me.imports) { link('import', 'Загрузка из файла', here === 'import'); }
    nav.appendChild(el('a', {
      href: REALM_PATH + 'protocol/openid-connect/logout?client_id=school-desk&post_logout_redirect_uri='
        + encodeURIComponent(location.origin + DESK), text: 'Выйти'
    }));
    document.getElementById('who').textContent = me.name || '';
  }

  // --- home: the class picker ------------------------------------------------------------------------------
  function home(me) {
    title('Вход через ЕСИА');
    var box = content();
    box.appendChild(el('p', { 'class': 'note', text: 'Люди – Ученики и родители – вкладка «Вход через ЕСИА»: укажите телефон, '
      + 'e-mail и СНИЛС учеников и родителей так, как они указаны на Госуслугах, — тогда вход через Госуслуги найдёт их.' }));
    if (!me.classes.length) {
      box.appendChild(el('p', { text: me.regionRequests ? 'Классов нет: вы работаете с обращениями без организации.'
        : 'Классов нет.' }));
      return;
    }
    box.appendChild(el('h2', { text: 'Классы' }));
    var list = el('ul', { 'class': 'class-list' });
    me.classes.forEach(function (c) {
      list.appendChild(el('li', null, [el('a', { href: DESK + 'classes/' + encodeURIComponent(c.id), text: c.name })]));
    });
    box.appendChild(list);
  }

  // --- the class page «Вход через ЕСИА: 5А» -----------------------------------------------------------------
  function classPage(classId) {
    return api('GET', 'classes/' + encodeURIComponent(classId) + '/roster').then(function (result) {
      if (!result.ok) {
        title(result.status === 404 ? 'Класс не найден' : 'Не удалось открыть класс');
        content().appendChild(el('p', { text: result.status === 404
          ? 'Такого класса нет среди ваших классов.' : failText(result) }));
        return;
      }
      renderRoster(result.body);
    }, function () { title('Не удалось открыть класс'); content().appendChild(el('p', { text: failText(null) })); });
  }

  function groupName() {
    var saved = null;
    try { saved = localStorage.getItem('school-desk.group'); } catch (e) { saved = null; }
    return GROUPS[saved] ? saved : 'contacts';
  }

  function renderRoster(roster) {
    title('Вход через ЕСИА: ' + roster.schoolClass.name);
    var box = content();
    box.appendChild(el('p', { 'class': 'note', text: 'Обратите внимание: данные сохраняются автоматически' }));
    var toolbar = el('div', { 'class': 'toolbar' });
    if (roster.classes.length > 1) {
      var classSelect = el('select', { id: 'class-picker', on: { change: function (e) {
        location.assign(DESK + 'classes/' + encodeURIComponent(e.target.value));
      } } });
      roster.classes.forEach(function (c) {
        classSelect.appendChild(el('option', { value: c.id, text: c.name, selected: c.id === roster.schoolClass.id }));
      });
      toolbar.appendChild(el('label', { 'for': 'class-picker' }, ['Класс', classSelect]));
    }
    var group = groupName();
    var groupSelect = el('select', { id: 'field-group', on: { change: function (e) {
      try { localStorage.setItem('school-desk.group', e.target.value); } catch (ignored) { /* private mode */ }
      renderRoster(roster);
    } } });
    Object.keys(GROUPS).forEach(function (key) {
      groupSelect.appendChild(el('option', { value: key, text: GROUPS[key].title, selected: key === group }));
    });
    toolbar.appendChild(el('label', { 'for': 'field-group' }, ['Поля', groupSelect]));
    toolbar.appendChild(el('span', { text: 'Учеников: ' + roster.rows.length }));
    box.appendChild(toolbar);
    if (!roster.rows.length) { box.appendChild(el('p', { text: 'В классе нет учеников.' })); return; }

    var fields = GROUPS[group].fields;
    var head1 = el('tr', null, [el('th', { scope: 'col', rowspan: '2', text: '№' })]);
    var head2 = el('tr');
    ['student', 'mother', 'father'].forEach(function (kind) {
      head1.appendChild(el('th', { scope: 'colgroup', colspan: String(fields.length + 1), 'class': 'group', text: KINDS[kind] }));
      head2.appendChild(el('th', { scope: 'col', 'class': 'group', text: 'ФИО' }));
      fields.forEach(function (f) { head2.appendChild(el('th', { scope: 'col', text: FIELDS[f] })); });
    });
    var cols = el('colgroup', null, [el('col', { 'class': 'c-num' })]);
    ['student', 'mother', 'father'].forEach(function () {
      cols.appendChild(el('col', { 'class': 'c-head' }));
      fields.forEach(function () { cols.appendChild(el('col', { 'class': 'c-field' })); });
    });
    var table = el('table', { 'class': 'roster', 'aria-describedby': 'title' }, [cols, el('thead', null, [head1, head2])]);
    var tbody = el('tbody');
    roster.rows.forEach(function (row, index) { tbody.appendChild(studentRow(row, index + 1, fields, roster)); });
    table.appendChild(tbody);
    box.appendChild(table);
  }

  function shortName(person) {
    var f = person.fields;
    var name = [f.LAST_NAME, f.FIRST_NAME, f.MIDDLE_NAME].filter(Boolean).join(' ');
    return name || 'ФИО не указаны';
  }

  function studentRow(row, number, fields, roster) {
    var tr = el('tr', { 'class': 'student', 'data-student': row.student.id });
    tr.appendChild(el('td', { 'class': 'num', text: number + '.' }));
    var studentName = shortName(row.student);
    ['student', 'mother', 'father'].forEach(function (kind) {
      var person = row[kind];
      var cell = el('td', { 'class': 'person-head' + (kind === 'student' ? ' first' : ''), 'data-kind': kind });
      var head = el('div', { 'class': 'head-line' });
      cell.appendChild(head);
      tr.appendChild(cell);
      if (!person) {
        head.appendChild(el('span', { 'class': 'kind', text: KINDS[kind] }));
        head.appendChild(el('span', { 'class': 'person-name empty', text: 'не указан' + (kind === 'mother' ? 'а' : '') }));
        head.appendChild(el('button', { type: 'button', 'class': 'secondary add', 'data-add': kind,
          'aria-label': 'Добавить: ' + KINDS[kind] + ' — ' + studentName, text: 'Добавить',
          on: { click: function (e) { addParent(e.target, row, kind, roster); } } }));
        fields.forEach(function () { tr.appendChild(el('td', { 'class': 'blank' })); });
        return;
      }
      head.appendChild(el('span', { 'class': 'kind', text: KINDS[kind] }));
      head.appendChild(el('span', { 'class': 'person-name', text: shortName(person), title: shortName(person) }));
      if (person.linked) { head.appendChild(el('span', { 'class': 'badge', text: 'привязан к Госуслугам' })); }
      head.appendChild(personActions(person, kind, studentName, roster));
      fields.forEach(function (field) {
        tr.appendChild(el('td', null, [fieldEditor(person, field, KINDS[kind] + (kind === 'student' ? '' : ' ученика')
          + ' ' + studentName)]));
      });
    });
    return tr;
  }

  function fieldEditor(person, field, whose) {
    var id = nextId('f');
    var statusId = id + '-status';
    var type = field === 'EMAILS' ? 'email' : (field === 'PHONES' ? 'tel' : 'text');
    var input = el('input', {
      id: id, type: type === 'email' ? 'text' : type, inputmode: type === 'email' ? 'email' : (field === 'SNILS' ? 'numeric' : null),
      autocomplete: 'off', value: displayValue(field, person.fields[field] || ''), 'data-account': person.id,
      'data-field': field, 'aria-describedby': statusId, spellcheck: 'false',
      placeholder: field === 'BIRTH_DATE' ? 'дд.мм.гггг' : null
    });
    input.dataset.seen = person.fields[field] || '';
    var status = el('span', { 'class': 'status', id: statusId, role: 'status' });
    var wrap = el('div', { 'class': 'field' }, [
      el('label', { 'class': 'cell-label', 'for': id }, [FIELDS[field], el('span', { 'class': 'sr-only', text: ' — ' + whose })]),
      input, status]);
    input.addEventListener('change', function () { save(input, status, input.value, input.dataset.seen); });
    return wrap;
  }

  /** Dates are stored yyyy-MM-dd; the page shows дд.мм.гггг as the school writes them. */
  function displayValue(field, stored) {
    if (field === 'BIRTH_DATE') {
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
      if (m) { return m[3] + '.' + m[2] + '.' + m[1]; }
    }
    return stored;
  }

  function setStatus(input, status, kind, text) {
    status.className = 'status ' + kind;
    clear(status).textContent = text;
    input.setAttribute('aria-invalid', kind === 'error' || kind === 'conflict' ? 'true' : 'false');
  }

  function save(input, status, value, expected) {
    var field = input.getAttribute('data-field');
    var problem = check(field, value);
    if (problem) { setStatus(input, status, 'error', REASONS[problem] + '. Не сохранено'); return; }
    setStatus(input, status, 'saving', 'Сохраняем…');
    api('PUT', 'accounts/' + encodeURIComponent(input.getAttribute('data-account')) + '/fields/' + field,
      { expected: expected, value: value }).then(function (result) {
      if (!result.ok) { setStatus(input, status, 'error', failText(result) + '. Не сохранено'); retryButton(); return; }
      var answer = result.body;
      if (answer.status === 'saved') {
        input.dataset.seen = answer.value;
        if (document.activeElement !== input || input.value === value) { input.value = displayValue(field, answer.value); }
        setStatus(input, status, 'saved', 'Сохранено');
      } else if (answer.status === 'conflict') {
        conflict(input, status, value, answer.current);
      } else {
        setStatus(input, status, 'error', answer.message + '. Не сохранено');
      }
    }, function () { setStatus(input, status, 'error', failText(null)); retryButton(); });

    function retryButton() {
      status.appendChild(el('button', { type: 'button', 'class': 'link', text: 'Повторить',
        on: { click: function () { save(input, status, input.value, input.dataset.seen); } } }));
    }
  }

  /** Someone saved this field after the page was loaded: show theirs, let the editor take it or overwrite it. */
  function conflict(input, status, mine, current) {
    var field = input.getAttribute('data-field');
    setStatus(input, status, 'conflict', 'Изменено другим сотрудником: «' + (displayValue(field, current) || 'пусто') + '». ');
    status.appendChild(el('button', { type: 'button', 'class': 'link take', text: 'Взять это значение', on: { click: function () {
      input.value = displayValue(field, current); input.dataset.seen = current;
      setStatus(input, status, 'saved', 'Показано значение другого сотрудника');
    } } }));
    status.appendChild(el('button', { type: 'button', 'class': 'link overwrite', text: 'Сохранить моё «' + mine + '»',
      on: { click: function () { input.value = mine; save(input, status, mine, current); } } }));
  }

  function addParent(button, row, kind, roster) {
    button.disabled = true;
    api('POST', 'students/' + encodeURIComponent(row.student.id) + '/parents', { kinship: kind.toUpperCase() })
      .then(function (result) {
        if (!result.ok) { button.disabled = false; button.textContent = 'Не добавлено, повторить'; return; }
        row[kind] = result.body;
        var tr = button.closest('tr');
        var fresh = studentRow(row, tr.rowIndex - 1, GROUPS[groupName()].fields, roster);
        fresh.firstChild.textContent = tr.firstChild.textContent;
        tr.parentNode.replaceChild(fresh, tr);
        var first = fresh.querySelector('td[data-kind="' + kind + '"] + td input');
        if (first) { first.focus(); }
      }, function () { button.disabled = false; });
  }

  /** «Отвязать» (with the reason the audit keeps) and «Привязать» (by the person's ESIA id, e.g. from a request). */
  function personActions(person, kind, studentName, roster) {
    var details = el('details', { 'class': 'person-actions' });
    details.appendChild(el('summary', { 'aria-label': 'Действия: ' + KINDS[kind] + ' — ' + studentName, text: '⋯' }));
    var panel = el('div', { 'class': 'panel' });
    var message = el('p', { 'class': 'status', role: 'status' });
    if (person.linked) {
      var reasonId = nextId('reason');
      var reason = el('input', { id: reasonId, type: 'text', maxlength: '500' });
      panel.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': reasonId, text: 'Причина отвязки' }), reason]));
      panel.appendChild(el('button', { type: 'button', 'class': 'secondary unlink', text: 'Отвязать', on: { click: function () {
        api('POST', 'accounts/' + encodeURIComponent(person.id) + '/unlink', { reason: reason.value }).then(function (r) {
          message.textContent = r.ok ? r.body.message : failText(r);
          if (r.ok && r.body.unlinked) { person.linked = false; }
        });
      } } }));
    } else {
      var oidId = nextId('oid');
      var oid = el('input', { id: oidId, type: 'text', inputmode: 'numeric', maxlength: '20' });
      panel.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': oidId,
        text: 'Идентификатор Госуслуг (oid), например из обращения' }), oid]));
      panel.appendChild(el('button', { type: 'button', 'class': 'secondary link-oid', text: 'Привязать', on: { click: function () {
        api('POST', 'accounts/' + encodeURIComponent(person.id) + '/link', { esiaOid: oid.value }).then(function (r) {
          message.textContent = r.ok ? r.body.message : failText(r);
          if (r.ok && (r.body.result === 'LINKED' || r.body.result === 'ALREADY_LINKED')) { person.linked = true; }
        });
      } } }));
    }
    panel.appendChild(message);
    details.appendChild(panel);
    return details;
  }

  // --- the requests inbox --------------------------------------------------------------------------------------
  function requestsPage() {
    title('Обращения в организацию');
    var box = content();
    var statusSelect = el('select', { id: 'request-status' }, [
      el('option', { value: 'NEW', text: 'Новые' }), el('option', { value: 'LINKED', text: 'Выполненные' }),
      el('option', { value: 'REJECTED', text: 'Отклонённые' }), el('option', { value: '', text: 'Все' })]);
    box.appendChild(el('div', { 'class': 'toolbar' }, [el('label', { 'for': 'request-status' }, ['Показать', statusSelect])]));
    var list = el('ul', { 'class': 'card-list', id: 'requests' });
    box.appendChild(list);
    var notMe = el('section', { 'aria-labelledby': 'not-me-title' }, [el('h2', { id: 'not-me-title', text: '«Это не я»' })]);
    box.appendChild(notMe);
    function load() {
      clear(list);
      api('GET', 'requests' + (statusSelect.value ? '?status=' + statusSelect.value : '')).then(function (result) {
        if (!result.ok) { list.appendChild(el('li', { text: failText(result) })); return; }
        if (!result.body.length) { list.appendChild(el('li', { text: 'Обращений нет.' })); }
        result.body.forEach(function (request) { list.appendChild(requestCard(request, false)); });
      });
    }
    statusSelect.addEventListener('change', load);
    load();
    api('GET', 'not-me').then(function (result) {
      if (!result.ok) { return; }
      if (!result.body.length) { notMe.appendChild(el('p', { text: 'Сообщений «Это не я» нет.' })); return; }
      notMe.appendChild(el('p', { 'class': 'note', text: 'Человек сообщил, что запись не его, и её отвязали. Проверьте данные '
        + 'записи: то, по чему вход её нашёл, всё ещё в ней.' }));
      var reports = el('ul', { 'class': 'card-list' });
      result.body.forEach(function (r) {
        reports.appendChild(el('li', null, [el('dl', null, [el('dt', { text: 'Запись' }), el('dd', { text: r.accountId }),
          el('dt', { text: 'Отвязана' }), el('dd', { text: date(r.unlinkedAt) })])]));
      });
      notMe.appendChild(reports);
    });
  }

  function requestCard(request, region) {
    var li = el('li', { 'data-request': String(request.id) });
    li.appendChild(el('h2', { text: 'Обращение № ' + request.number }));
    li.appendChild(el('dl', null, [
      el('dt', { text: 'Поступило' }), el('dd', { text: date(request.createdAt) }),
      el('dt', { text: 'Состояние' }), el('dd', { text: STATUSES[request.status] || request.status }),
      el('dt', { text: 'Заявитель' }), el('dd', { text: request.requesterFullName || '' }),
      el('dt', { text: 'Роль' }), el('dd', { text: ROLES[request.role] || request.role || '' }),
      el('dt', { text: 'Ребёнок (как указал заявитель)' }), el('dd', { text: request.childFullName || '—' }),
      el('dt', { text: 'Класс' }), el('dd', { text: request.className || '—' }),
      el('dt', { text: region ? 'Тип организации' : 'E-mail для ответа' }),
      el('dd', { text: (region ? request.organisationType : request.contactEmail) || '—' }),
      el('dt', { text: 'Госуслуги (oid)' }), el('dd', { text: request.esiaOid || '—' })
    ].concat(request.comment ? [el('dt', { text: 'Комментарий' }), el('dd', { text: request.comment })] : [])));
    if (request.status !== 'NEW') { return li; }
    var outcome = el('div', { 'class': 'outcome', role: 'status' });
    if (region) {
      var orgId = nextId('org');
      var org = el('input', { id: orgId, type: 'text', maxlength: '64' });
      li.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': orgId, text: 'Код организации' }), org]));
      li.appendChild(el('div', { 'class': 'actions' }, [el('button', { type: 'button', 'class': 'assign', text: 'Передать в организацию',
        on: { click: function () {
          api('POST', 'region/requests/' + request.id + '/assign', { organisationId: org.value }).then(function (r) {
            show(outcome, r.ok && r.body.assigned, r.ok ? r.body.message : failText(r));
          });
        } } })]));
      li.appendChild(outcome);
      return li;
    }
    var searchId = nextId('search');
    // The requester is linked to their own card (a parent to the «Мать»/«Отец» card): search by their name.
    var search = el('input', { id: searchId, type: 'search', value: request.requesterFullName || '', maxlength: '100' });
    var found = el('ul', { 'class': 'found' });
    li.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': searchId, text: 'Найти запись заявителя в журнале (ФИО' + (ROLES[request.role] ? ', ' + ROLES[request.role] : '') + ')' }),
      search, el('button', { type: 'button', 'class': 'secondary find', text: 'Найти', on: { click: find } })]));
    li.appendChild(found);
    var commentId = nextId('comment');
    var comment = el('textarea', { id: commentId, rows: '2', maxlength: '500' });
    li.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': commentId, text: 'Комментарий для заявителя (при отклонении)' }),
      comment]));
    li.appendChild(el('div', { 'class': 'actions' }, [el('button', { type: 'button', 'class': 'secondary reject', text: 'Отклонить',
      on: { click: function () {
        api('POST', 'requests/' + request.id + '/reject', { comment: comment.value }).then(function (r) {
          show(outcome, r.ok && r.body.done, r.ok ? r.body.message : failText(r));
        });
      } } })]));
    li.appendChild(outcome);
    function find() {
      clear(found);
      var wanted = request.role || '';
      api('GET', 'search?text=' + encodeURIComponent(search.value) + (wanted ? '&role=' + wanted : '')).then(function (r) {
        if (!r.ok) { found.appendChild(el('li', { text: failText(r) })); return; }
        if (!r.body.length) { found.appendChild(el('li', { text: 'Ничего не найдено. Проверьте написание или внесите запись.' })); }
        r.body.forEach(function (person) {
          found.appendChild(el('li', null, [
            el('span', { 'class': 'person-name', text: shortName(person) }),
            ' (' + (ROLES[person.role] || person.role) + (person.fields.BIRTH_DATE ? ', ' + displayValue('BIRTH_DATE', person.fields.BIRTH_DATE) : '') + ') ',
            person.linked ? el('span', { 'class': 'badge', text: 'привязан к Госуслугам' }) : null,
            el('button', { type: 'button', 'class': 'link-request', 'data-account': person.id,
              'aria-label': 'Привязать заявителя к записи ' + shortName(person), text: 'Привязать', on: { click: function () {
                api('POST', 'requests/' + request.id + '/link', { accountId: person.id }).then(function (res) {
                  show(outcome, res.ok && res.body.done, res.ok ? res.body.message : failText(res));
                });
              } } })]));
        });
      });
    }
    return li;
  }

  function show(box, good, text) {
    clear(box).appendChild(el('p', { 'class': 'result' + (good ? '' : ' error'), text: text }));
  }

  function regionPage() {
    title('Обращения без организации');
    var box = content();
    box.appendChild(el('p', { 'class': 'note', text: '«Нет нужной организации»: передайте обращение в организацию, которая его рассмотрит.' }));
    var list = el('ul', { 'class': 'card-list' });
    box.appendChild(list);
    api('GET', 'region/requests?status=NEW').then(function (result) {
      if (!result.ok) { list.appendChild(el('li', { text: failText(result) })); return; }
      if (!result.body.length) { list.appendChild(el('li', { text: 'Обращений нет.' })); }
      result.body.forEach(function (request) { list.appendChild(requestCard(request, true)); });
    });
  }

  // --- bulk import -----------------------------------------------------------------------------------------
  function importPage() {
    title('Загрузка из файла');
    var box = content();
    box.appendChild(el('p', { 'class': 'note', text: 'Файл CSV, как его сохраняет Excel («CSV (разделители — точка с запятой)»), '
      + 'в UTF-8 или Windows-1251. Сначала проверка: ничего не записывается, показываются изменения и все строки с ошибками. '
      + 'Повторная загрузка того же файла ничего не меняет: записи узнаются по столбцу «Идентификатор».' }));
    box.appendChild(el('p', { 'class': 'note', text: 'Столбцы: Идентификатор; Роль (ученик, родитель, сотрудник); Фамилия; Имя; '
      + 'Отчество; Дата рождения; СНИЛС; Телефон; Эл. почта; Класс; Родитель для; Кем приходится; Должность; Классы руководства.' }));
    var file = el('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv' });
    box.appendChild(el('div', { 'class': 'field-row' }, [el('label', { 'for': 'import-file', text: 'Файл' }), file]));
    var checkButton = el('button', { type: 'button', id: 'import-check', text: 'Проверить' });
    var applyButton = el('button', { type: 'button', id: 'import-apply', 'class': 'secondary', text: 'Применить', disabled: true });
    box.appendChild(el('div', { 'class': 'actions' }, [checkButton, applyButton]));
    var progress = el('div', { id: 'import-progress', role: 'status' });
    var report = el('div', { id: 'import-report' });
    box.appendChild(progress);
    box.appendChild(report);
    checkButton.addEventListener('click', function () { run(true); });
    applyButton.addEventListener('click', function () { run(false); });
    file.addEventListener('change', function () { applyButton.disabled = true; clear(report); });

    function run(dryRun) {
      if (!file.files.length) { show(progress, false, 'Выберите файл'); return; }
      checkButton.disabled = true; applyButton.disabled = true; clear(report);
      api('POST', 'import?dryRun=' + dryRun, file.files[0], true).then(function (r) {
        if (!r.ok) { done(); show(progress, false, failText(r)); return; }
        poll(r.body.taskId, dryRun);
      }, function () { done(); show(progress, false, failText(null)); });
    }
    function poll(taskId, dryRun) {
      api('GET', 'import/' + encodeURIComponent(taskId)).then(function (r) {
        if (!r.ok) { done(); show(progress, false, failText(r)); return; }
        var task = r.body;
        if (task.state === 'RUNNING') {
          clear(progress).appendChild(el('label', { 'for': 'import-bar', text: 'Обработано строк: ' + task.done + ' из ' + (task.total || '…') }));
          progress.appendChild(el('progress', { id: 'import-bar', 'class': 'progress', max: String(task.total || 1), value: String(task.done) }));
          setTimeout(function () { poll(taskId, dryRun); }, 700);
          return;
        }
        done();
        if (task.state === 'FAILED') { show(progress, false, task.message || 'Загрузка не выполнена'); return; }
        renderReport(task.report, dryRun);
        applyButton.disabled = !dryRun || !task.report.changes.some(function (c) { return c.kind !== 'UNCHANGED'; });
      });
    }
    function done() { checkButton.disabled = false; }
    function renderReport(r, dryRun) {
      show(progress, true, (dryRun ? 'Проверка: будет создано ' : 'Записано: создано ') + r.created + ', изменено ' + r.updated
        + ', без изменений ' + r.unchanged + ', строк с ошибками ' + r.problems.length + (dryRun ? '. Ничего не записано.' : '.'));
      if (r.problems.length) {
        report.appendChild(el('h2', { text: 'Строки с ошибками (не будут записаны)' }));
        var t = el('table', { 'class': 'report problems' }, [el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Строка' }),
          el('th', { scope: 'col', text: 'Столбец' }), el('th', { scope: 'col', text: 'Причина' })])])]);
        var b = el('tbody');
        r.problems.forEach(function (p) {
          b.appendChild(el('tr', null, [el('td', { text: String(p.line) }), el('td', { text: p.column || '—' }), el('td', { text: p.message })]));
        });
        t.appendChild(b); report.appendChild(t);
      }
      var changed = r.changes.filter(function (c) { return c.kind !== 'UNCHANGED'; });
      if (changed.length) {
        report.appendChild(el('h2', { text: dryRun ? 'Изменения' : 'Записано' }));
        var kinds = { CREATE: 'новая запись', UPDATE: 'изменение' };
        var t2 = el('table', { 'class': 'report changes' }, [el('thead', null, [el('tr', null, [el('th', { scope: 'col', text: 'Строка' }),
          el('th', { scope: 'col', text: 'Код человека' }), el('th', { scope: 'col', text: 'Что' }), el('th', { scope: 'col', text: 'Поля' })])])]);
        var b2 = el('tbody');
        changed.forEach(function (c) {
          b2.appendChild(el('tr', null, [el('td', { text: String(c.line) }), el('td', { text: c.personId }),
            el('td', { text: kinds[c.kind] || c.kind }),
            el('td', { text: c.fields.map(function (f) { return FIELDS[f] || f; }).concat((c.relations || []).map(function (r) { return RELATIONS[r] || r; })).join(', ') })]));
        });
        t2.appendChild(b2); report.appendChild(t2);
      }
    }
  }

  // --- start ---------------------------------------------------------------------------------------------------
  function start() {
    var page = currentPage().replace(/\/$/, '');
    api('GET', 'me').then(function (result) {
      if (!result.ok) { title('Нет доступа'); content().appendChild(el('p', { text: failText(result) })); return; }
      var me = result.body;
      renderNav(me);
      if (page.indexOf('classes/') === 0) { return classPage(decodeURIComponent(page.substring(8))); }
      if (page === 'requests' && me.inbox) { return requestsPage(); }
      if (page === 'region' && me.regionRequests) { return regionPage(); }
      if (page === 'import' && me.imports) { return importPage(); }
      if (page === '' && me.classes.length === 1 && !me.inbox && !me.regionRequests) {
        location.replace(DESK + 'classes/' + encodeURIComponent(me.classes[0].id));
        return;
      }
      return home(me);
    }, function () { title('Нет связи'); content().appendChild(el('p', { text: failText(null) })); });
  }
  start();
}());
